import type { Sourced } from "./sourced.js";

/**
 * One entry of a vendor error catalog. Catalogs are `as const` records keyed by `code`, so that
 * `keyof typeof volcengineErrors` is the union of valid codes (a wrong code is a type error).
 */
export interface VendorErrorDefinition extends Sourced {
  /** The vendor's code as it appears on the wire (ZEGO: the decimal text of the numeric Code). */
  code: string;
  /** Numeric code where the vendor has one: Volcengine `CodeN`, ZEGO `Code`. */
  codeN?: number;
  /** HTTP status the vendor answers with. */
  httpStatus: number;
  /** Message template; each `%s` is replaced, in order, by an argument. */
  message: string;
  /** How a user of the fake server reaches this error (the documented trigger). */
  trigger: string;
}

/** Fills a message template's `%s` placeholders in order; missing arguments leave `%s` visible. */
export function formatErrorMessage(template: string, args: readonly string[] = []): string {
  let i = 0;
  return template.replace(/%s/g, () => (i < args.length ? String(args[i++]) : "%s"));
}
