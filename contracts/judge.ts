import type { Expectation } from "./case.js";
import { checkAgainstSchema } from "./checks/schema.js";
import type { ObservedExchange } from "./observed.js";
import { profileOf } from "./profiles/index.js";
import { vendorContracts } from "./vendors/index.js";
import { violation, type Violation } from "./violation.js";

/** Error-reply rules: the vendor's error schema, a code from its catalog, the catalog's HTTP status. */
function judgeError(x: ObservedExchange, code: string, path: string): Violation[] {
  const vendor = vendorContracts[x.endpoint.vendor];
  const out = checkAgainstSchema(x, x.endpoint.errorResponse, "errorResponse");
  out.push(...vendor.envelope(x));
  const entry = vendor.errors[code];
  if (entry === undefined) {
    out.push(violation("error.catalog", path, `error code ${code} is not in the ${x.endpoint.vendor} error catalog`));
  } else if (entry.httpStatus !== x.response.status) {
    const basis = entry.fidelity === "documented" ? "" : " (the catalog's status is assumed)";
    out.push(violation("error.status", "$", `${code} came with HTTP ${x.response.status}; the catalog says ${entry.httpStatus}${basis}`));
  }
  return out;
}

/** Success-reply rules: the endpoint's response schema, the vendor envelope, then the endpoint profile's checks. */
function judgeSuccess(x: ObservedExchange): Violation[] {
  const out = checkAgainstSchema(x, x.endpoint.response, "response");
  out.push(...vendorContracts[x.endpoint.vendor].envelope(x));
  for (const check of profileOf(x.endpoint.id)?.success ?? []) out.push(...check(x));
  return out;
}

/**
 * Judges one reply against the contract. Without an expectation (a proxied or recorded exchange),
 * the reply is judged as whatever it claims to be; with one, the outcome and error code must match too.
 */
export function judgeReply(x: ObservedExchange, expect?: Expectation): Violation[] {
  if (x.response.json === undefined) {
    return [
      violation(
        "json",
        "$",
        `HTTP ${x.response.status}, reply is not JSON (${x.response.jsonError ?? "unparseable"}): ${x.response.body.slice(0, 120)}`,
      ),
    ];
  }
  const error = vendorContracts[x.endpoint.vendor].errorOf(x.response.json);
  const out: Violation[] = [];
  if (error === null) {
    if (expect?.outcome === "error") out.push(violation("expect.outcome", "$", `expected error ${expect.code}, got a success reply`));
    out.push(...judgeSuccess(x));
    return out;
  }
  const detail = error.message !== undefined ? ` (${error.message})` : "";
  if (expect?.outcome === "success") {
    out.push(violation("expect.outcome", error.path, `expected a success reply, got error ${error.code}${detail}`));
  } else if (expect?.outcome === "error" && expect.code !== error.code) {
    out.push(violation("error.code", error.path, `expected error ${expect.code}, got ${error.code}${detail}`));
  } else if (expect?.outcome === "success-or-error" && !expect.codes.includes(error.code)) {
    out.push(violation("error.code", error.path, `expected success or ${expect.codes.join("/")}, got ${error.code}${detail}`));
  }
  out.push(...judgeError(x, error.code, error.path));
  return out;
}
