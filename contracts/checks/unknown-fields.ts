import { z } from "zod";
import { joinPath, warning, type Violation } from "../violation.js";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

const cache = new WeakMap<z.ZodType, JsonSchema>();

/** JSON Schema of the wire (input) side, where plain objects leave `additionalProperties` unset. */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  let out = cache.get(schema);
  if (out === undefined) {
    out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    cache.set(schema, out);
  }
  return out;
}

function resolveRef(root: JsonSchema, node: JsonSchema): JsonSchema {
  if (node.$ref === undefined) return node;
  const name = node.$ref.replace(/^#\/\$defs\//, "");
  return root.$defs?.[name] ?? {};
}

/** All the alternatives a node stands for (unions flattened, references resolved). */
function alternatives(root: JsonSchema, node: JsonSchema): JsonSchema[] {
  const resolved = resolveRef(root, node);
  const branches = resolved.anyOf ?? resolved.oneOf;
  if (branches) return branches.flatMap((branch) => alternatives(root, branch));
  if (resolved.allOf) return resolved.allOf.flatMap((branch) => alternatives(root, branch));
  return [resolved];
}

/**
 * Fields in the reply that the contract does not describe. Vendors add fields over time, so these
 * are warnings, not failures: a renamed required field fails through the schema (it goes missing),
 * and its new name shows up here. Objects declared open (`z.looseObject`, records) are skipped.
 */
export function unknownFields(schema: z.ZodType, value: unknown): Violation[] {
  const root = jsonSchemaOf(schema);
  const out: Violation[] = [];
  walk(root, root, value, [], out);
  return out;
}

function walk(root: JsonSchema, node: JsonSchema, value: unknown, path: PropertyKey[], out: Violation[]): void {
  const options = alternatives(root, node);
  if (Array.isArray(value)) {
    const itemSchemas = options.map((o) => o.items).filter((s): s is JsonSchema => s !== undefined);
    if (itemSchemas.length === 0) return;
    const items: JsonSchema = itemSchemas.length === 1 ? itemSchemas[0]! : { anyOf: itemSchemas };
    value.forEach((item, i) => walk(root, items, item, [...path, i], out));
    return;
  }
  if (value === null || typeof value !== "object") return;
  const objects = options.filter((o) => o.properties !== undefined || o.additionalProperties !== undefined);
  if (objects.length === 0) return;
  // Open objects accept anything beyond their properties.
  const open =
    objects.some((o) => o.additionalProperties !== undefined && o.additionalProperties !== false && o.properties === undefined) ||
    objects.some(
      (o) =>
        o.additionalProperties === true || (typeof o.additionalProperties === "object" && Object.keys(o.additionalProperties).length === 0),
    );
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const declared = objects.map((o) => o.properties?.[key]).filter((s): s is JsonSchema => s !== undefined);
    if (declared.length === 0) {
      const record = objects.map((o) => o.additionalProperties).find((a): a is JsonSchema => typeof a === "object");
      if (record !== undefined && Object.keys(record).length > 0) walk(root, record, child, [...path, key], out);
      else if (!open) out.push(warning("schema.unknown-field", joinPath([...path, key]), `field "${key}" is not in the contract`));
      continue;
    }
    walk(root, declared.length === 1 ? declared[0]! : { anyOf: declared }, child, [...path, key], out);
  }
}
