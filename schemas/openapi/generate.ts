/**
 * Writes the committed generated files (`npm run generate`): the OpenAPI documents, their TypeScript
 * types and docs/FIDELITY.md. Tests fail when any of them is stale.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { openApiVendors } from "./document.js";
import { renderOpenApiDocument, renderOpenApiTypes } from "./render.js";
import { renderFidelityLedger } from "../../mocks/fidelity.js";

const here = fileURLToPath(new URL(".", import.meta.url));

await mkdir(`${here}types`, { recursive: true });
for (const vendor of openApiVendors) {
  await writeFile(`${here}${vendor}.json`, renderOpenApiDocument(vendor));
  await writeFile(`${here}types/${vendor}.ts`, await renderOpenApiTypes(vendor));
  console.log(`wrote schemas/openapi/${vendor}.json and schemas/openapi/types/${vendor}.ts`);
}

await writeFile(new URL("../../docs/FIDELITY.md", import.meta.url), renderFidelityLedger());
console.log("wrote docs/FIDELITY.md");
