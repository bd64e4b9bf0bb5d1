import type { TencentErrorCode } from "../../schemas/tencent/errors.js";
import { tencentSignatureWindowSec } from "../../schemas/tencent/limits.js";
import { constantTimeEqual } from "../../schemas/common/constant-time-equal.js";
import type { Hashing } from "../../schemas/common/hashing.js";
import { nobleHashing } from "../../schemas/common/noble-hashing.js";
import {
  canonicalRequest,
  credentialScope,
  deriveSigningKey,
  parseTc3Authorization,
  stringToSign,
  tc3Date,
  TENCENT_V1_METHODS,
  tencentV1Signature,
  tencentV1StringToSign,
  type TencentV1Method,
} from "../../schemas/tencent/signing.js";
import type { Credentials } from "../options.js";
import type { MockRequest } from "../core/reply.js";

/** A Tencent catalog error with its message arguments. */
export interface TencentAuthError {
  code: TencentErrorCode;
  args?: string[];
}

/** The Host header (or URL host) without its port, lower-cased: what the SDK signs as `host`. */
export function canonicalHost(request: MockRequest): string {
  const host = (request.headers.host ?? request.url.host).trim().toLowerCase();
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  const colon = host.indexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}

/**
 * Verifies TC3-HMAC-SHA256 (https://tencentcloud.com/document/api/1150/49447) the way the service
 * must to accept the official SDK: the scope's service is taken from the Credential (the SDK derives
 * it from the endpoint, so a local endpoint gives `127`), `host` is the Host header without its port
 * (Node) or as sent (Go, Python, Java), and the raw body bytes are hashed, or the literal
 * `UNSIGNED-PAYLOAD` when X-TC-Content-SHA256 says so. Checks, in order (order assumed): header shape → InvalidAuthorization;
 * X-TC-Timestamp present and numeric; |now − timestamp| > 300 s → SignatureExpire; SecretId known →
 * SecretIdNotFound; scope date = UTC date of the timestamp and signature match → SignatureFailure.
 * Never logs or returns secrets. `hashing` only changes the speed.
 */
export function verifyTc3(
  request: MockRequest,
  credentials: Credentials["tencent"],
  nowMs: number,
  hashing: Hashing = nobleHashing,
): TencentAuthError | null {
  const auth = parseTc3Authorization(request.headers.authorization);
  if (auth === null || !auth.signedHeaders.includes("content-type") || !auth.signedHeaders.includes("host")) {
    return { code: "AuthFailure.InvalidAuthorization" };
  }
  const timestampText = request.headers["x-tc-timestamp"];
  if (timestampText === undefined || timestampText.trim() === "") return { code: "MissingParameter", args: ["X-TC-Timestamp"] };
  if (!/^\d{1,12}$/.test(timestampText.trim())) return { code: "InvalidParameter", args: ["X-TC-Timestamp"] };
  const timestamp = Number(timestampText.trim());
  if (Math.abs(nowMs / 1000 - timestamp) > tencentSignatureWindowSec.value) return { code: "AuthFailure.SignatureExpire" };
  const credential = credentials.find((candidate) => candidate.secretId === auth.secretId);
  if (credential === undefined) return { code: "AuthFailure.SecretIdNotFound" };
  const date = tc3Date(timestamp);
  if (auth.date !== date) return { code: "AuthFailure.SignatureFailure" };

  // computeTc3 (schemas/tencent/signing.ts) step by step. Go, Python and Java may sign the literal
  // UNSIGNED-PAYLOAD instead of the body (clients.md §1.2).
  const payloadHash = hashing.sha256Hex(
    request.headers["x-tc-content-sha256"]?.trim() === UNSIGNED_PAYLOAD ? UNSIGNED_PAYLOAD : request.rawBody,
  );
  const signingKey = deriveSigningKey(credential.secretKey, date, auth.service, hashing);
  const signedWith = (host: string) => {
    const headers: Record<string, string> = {};
    for (const name of auth.signedHeaders) headers[name] = name === "host" ? host : (request.headers[name] ?? "");
    const canonical = canonicalRequest({
      method: request.method,
      query: request.url.search.slice(1),
      headers,
      signedHeaders: auth.signedHeaders,
      payloadHash,
    });
    const toSign = stringToSign(timestampText.trim(), credentialScope(date, auth.service), hashing.sha256Hex(canonical));
    return constantTimeEqual(hashing.hmacSha256Hex(signingKey, toSign), auth.signature);
  };
  // Node signs the host without its port, Go, Python and Java with it, as sent (clients.md §1.2).
  const sent = (request.headers.host ?? request.url.host).trim().toLowerCase();
  const withoutPort = canonicalHost(request);
  return signedWith(withoutPort) || (sent !== withoutPort && signedWith(sent)) ? null : { code: "AuthFailure.SignatureFailure" };
}

/** The X-TC-Content-SHA256 value that asks the server to hash this literal instead of the body. */
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/**
 * Verifies signature v1 (HmacSHA1 / HmacSHA256; https://intl.cloud.tencent.com/document/api/238/32088)
 * from the decoded query or form parameters (clients.md §1.3): METHOD + the Host header as sent (port
 * included) + `/?` + the sorted `k=v` pairs without `Signature`, values not URL-encoded; base64 HMAC
 * under the SecretKey. Nonce is only required to be present (Python sends up to 2^63−1, so it is never
 * parsed as a 32-bit integer). The string is tried with and without empty-valued parameters (Go skips
 * them; what the gateway does is unknown). Checks, in order (order assumed): SignatureMethod known
 * (absent = HmacSHA1) → InvalidParameterValue; Timestamp numeric → InvalidParameter; |now − Timestamp|
 * > 300 s → SignatureExpire; SecretId known → SecretIdNotFound; signature → SignatureFailure.
 */
export function verifyTencentV1(
  request: MockRequest,
  params: URLSearchParams,
  credentials: Credentials["tencent"],
  nowMs: number,
  hashing: Hashing = nobleHashing,
): TencentAuthError | null {
  const methodText = params.get("SignatureMethod") ?? "HmacSHA1";
  if (!(TENCENT_V1_METHODS as readonly string[]).includes(methodText)) {
    return { code: "InvalidParameterValue", args: [methodText, "SignatureMethod", "must be HmacSHA1 or HmacSHA256"] };
  }
  const method = methodText as TencentV1Method;
  const timestampText = params.get("Timestamp")!.trim();
  if (!/^\d{1,12}$/.test(timestampText)) return { code: "InvalidParameter", args: ["Timestamp"] };
  if (Math.abs(nowMs / 1000 - Number(timestampText)) > tencentSignatureWindowSec.value) return { code: "AuthFailure.SignatureExpire" };
  const credential = credentials.find((candidate) => candidate.secretId === params.get("SecretId"));
  if (credential === undefined) return { code: "AuthFailure.SecretIdNotFound" };
  const signature = params.get("Signature")!;
  const host = (request.headers.host ?? request.url.host).trim();
  const path = request.url.pathname;
  const entries = [...params];
  const matches = (skipEmpty: boolean) => {
    const toSign = tencentV1StringToSign({ method: request.method, host, path, params: entries, skipEmpty });
    return constantTimeEqual(tencentV1Signature(credential.secretKey, toSign, method, hashing), signature);
  };
  const hasEmpty = entries.some(([key, value]) => key !== "Signature" && value === "");
  return matches(false) || (hasEmpty && matches(true)) ? null : { code: "AuthFailure.SignatureFailure" };
}
