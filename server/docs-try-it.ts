import type { AuthOptions } from "../mocks/options.js";
import type { Vendor } from "../schemas/common/endpoint.js";
import { PAGE_SLACK_MS } from "./docs-request-examples.js";

const slackMinutes = PAGE_SLACK_MS / 60_000;

/**
 * The documented parameters that carry a signature, which the server reads only in `verify` mode
 * (mocks/core/engine.ts checks auth only then; mocks/<vendor>/authenticate.ts reads them). ZEGO:
 * https://www.zegocloud.com/docs/analytics-dashboard-server/access-server-apis; Tencent: the common
 * parameters (`commonParams` in schemas/tencent/sources.ts). Volcengine documents none: its
 * signature is the Authorization header (which OpenAPI does not let a document declare) and X-Date.
 */
export const signatureParameters: Record<Vendor, readonly string[]> = {
  volcengine: [],
  zego: ["Signature", "SignatureNonce", "SignatureVersion", "Timestamp"],
  tencent: ["X-TC-Timestamp"],
};

/** Each vendor's signer in the package (schemas/index.ts), which the contract suite's `signRequest` calls. */
const signers: Record<Vendor, string> = {
  volcengine: "signVolcengineRequest",
  zego: "zegoSignatureParams",
  tencent: "signTencentRequest",
};

/** What a verify-mode request of each vendor must carry, for the page's description. */
const verifyNeeds: Record<Vendor, string> = {
  volcengine:
    "an `Authorization` header (HMAC-SHA256 over the canonical request) and `X-Date` within the server's skew of the mock clock (15 minutes by default, assumed); " +
    "a browser page cannot set `Authorization`, so Try it out then answers a signature error",
  zego:
    "`Timestamp` (Unix seconds, within 10 minutes of the mock clock), a fresh `SignatureNonce`, " +
    "`Signature` = md5(AppId + SignatureNonce + ServerSecret + Timestamp) and `SignatureVersion` 2.0, for an AppId the server knows",
  tencent:
    "an `Authorization` header (TC3-HMAC-SHA256) and `X-TC-Timestamp` within 5 minutes of the mock clock; " +
    "a browser page cannot set `Authorization`, so Try it out then answers a signature error",
};

/**
 * The section the docs page adds to a vendor document's description: what is prefilled, whether
 * the signature fields matter on this server, and how to try verify mode.
 */
export function tryItNote(vendor: Vendor, auth: AuthOptions["mode"], nowMs: number): string {
  const fields = signatureParameters[vendor];
  const signature =
    auth === "off"
      ? "This server runs with **auth off**: signatures are not checked" +
        (fields.length > 0 ? `, so ${fields.map((name) => `\`${name}\``).join(", ")} are optional here` : "") +
        ". To try verify mode, start the server with `--auth verify`; then a request needs "
      : "This server runs with **auth verify**: every request needs ";
  return [
    "## Try it out on this server",
    "",
    "The routing fields (action, and version where there is one) are prefilled and fixed per operation. The request examples were built when this page loaded, " +
      `at the mock time ${new Date(nowMs).toISOString()}, so their time windows are live for at least ${slackMinutes} minutes ` +
      "on a running clock: reload the page for fresh ones. The reply examples are the vendor's own, from its documentation.",
    "",
    `${signature}${verifyNeeds[vendor]}. Signing by hand in a browser is not practical: send signed requests with the ` +
      "vendor's SDK (the demo credentials are in docs/server.md), or sign them with the contract suite's signer " +
      `(\`signRequest\` from \`rtc-analytics-mock/contracts\`, or \`${signers[vendor]}\` from \`rtc-analytics-mock/schemas\`).`,
    "",
    "This is the docs page's own copy of the document; the published contract is `/__mock/openapi/" +
      `${vendor}.json\` (schemas/openapi/${vendor}.json), which keeps every field as the vendor documents it.`,
  ].join("\n");
}
