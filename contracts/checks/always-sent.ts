import { violation, type Violation } from "../violation.js";

/**
 * Fields the vendor documents and always sends, though the schema lets them be absent (for older
 * recordings and doc examples): on a reply with records, each must be on every record. One
 * violation per field with the count, since a dropped or renamed field changes what code reading it
 * computes. `path` is the path of the record list.
 */
export function checkAlwaysSent(records: readonly unknown[], fields: readonly string[], path: string, why: string): Violation[] {
  const out: Violation[] = [];
  if (records.length === 0) return out;
  for (const field of fields) {
    const missing = records.filter((r) => r === null || typeof r !== "object" || !(field in r)).length;
    if (missing > 0)
      out.push(
        violation("schema.always-sent", `${path}[].${field}`, `${field} is missing from ${missing} of ${records.length} records (${why})`),
      );
  }
  return out;
}
