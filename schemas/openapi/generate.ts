/**
 * Writes the committed generated files (`npm run generate`): the OpenAPI documents, their TypeScript
 * types, the single-operation documents for generic tools (operations/<vendor>/) and docs/FIDELITY.md. Tests fail when any of them is stale.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { openApiVendors } from "./document.js";
import { renderOpenApiDocument, renderOpenApiTypes, renderOperationDocuments } from "./render.js";
import { plausibilityLedger } from "../../contracts/plausibility-ledger.js";
import { renderFidelityLedger } from "../../mocks/fidelity.js";

const here = fileURLToPath(new URL(".", import.meta.url));

await mkdir(`${here}types`, { recursive: true });
for (const vendor of openApiVendors) {
  await writeFile(`${here}${vendor}.json`, renderOpenApiDocument(vendor));
  await writeFile(`${here}types/${vendor}.ts`, await renderOpenApiTypes(vendor));
  console.log(`wrote schemas/openapi/${vendor}.json and schemas/openapi/types/${vendor}.ts`);
  // The folder holds exactly the current operations: a renamed or removed one leaves no stale file.
  await rm(`${here}operations/${vendor}`, { recursive: true, force: true });
  await mkdir(`${here}operations/${vendor}`, { recursive: true });
  const operationDocuments = renderOperationDocuments(vendor);
  for (const [file, text] of operationDocuments) await writeFile(`${here}${file}`, text);
  console.log(`wrote ${operationDocuments.size} file(s) in schemas/openapi/operations/${vendor}/`);
}

await writeFile(new URL("../../docs/FIDELITY.md", import.meta.url), renderFidelityLedger(plausibilityLedger));
console.log("wrote docs/FIDELITY.md");
