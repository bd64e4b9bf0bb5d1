/**
 * Writes the committed OpenAPI documents and their TypeScript types (`npm run generate`).
 * test/openapi/generated.test.ts fails when either is stale.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { openApiVendors } from "./document.js";
import { renderOpenApiDocument, renderOpenApiTypes } from "./render.js";

const here = fileURLToPath(new URL(".", import.meta.url));

await mkdir(`${here}types`, { recursive: true });
for (const vendor of openApiVendors) {
  await writeFile(`${here}${vendor}.json`, renderOpenApiDocument(vendor));
  await writeFile(`${here}types/${vendor}.ts`, await renderOpenApiTypes(vendor));
  console.log(`wrote schemas/openapi/${vendor}.json and schemas/openapi/types/${vendor}.ts`);
}
