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
