import {
  VOLCENGINE_RTC_SERVICE,
  VOLCENGINE_SIGNING_ALGORITHM,
  canonicalRequest,
  parseAuthorization,
  parseXDate,
  signature,
  signingKey,
  stringToSign,
} from "../../schemas/volcengine/signing.js";
import { constantTimeEqual } from "../../schemas/common/constant-time-equal.js";
import type { MockRequest } from "../core/reply.js";
import type { EngineContext, VendorError } from "../core/vendor.js";

const SIGNATURE_HEX = /^[0-9a-f]{64}$/;
const SHORT_DATE = /^\d{8}$/;
const HEADER_NAME = /^[a-z0-9-]+$/;

/**
 * Verifies a Volcengine HMAC-SHA256 signature (https://www.volcengine.com/docs/6469/1121980) against
 * whatever SignedHeaders lists: the Node SDK signs only x-content-sha256;x-date, the Go SDK also host
 * and content-type. Returns the gateway's error, or null when the request is authentic.
 * Never puts the secret key or the expected signature into an error or a log.
 */
export function authenticateVolcengine(request: MockRequest, ctx: EngineContext): VendorError | null {
  const header = request.headers["authorization"];
  if (header === undefined || header.trim() === "") return { code: "MissingAuthenticationToken" };

  const auth = parseAuthorization(header);
  if (auth.algorithm !== VOLCENGINE_SIGNING_ALGORITHM || auth.credential === undefined || auth.signedHeaders === undefined) {
    return { code: "InvalidAuthorization" };
  }
  if (auth.signature === undefined || auth.signature === "") return { code: "MissingSignature" };

  const scopeParts = auth.credential.split("/");
  if (
    scopeParts.length !== 5 ||
    scopeParts[4] !== "request" ||
    scopeParts.some((part) => part === "") ||
    !SHORT_DATE.test(scopeParts[1]!)
  ) {
    return { code: "InvalidCredential" };
  }
  const [accessKeyId, shortDate, region, service] = scopeParts as [string, string, string, string, string];

  const xDate = request.headers["x-date"];
  if (xDate === undefined || xDate === "") return { code: "MissingRequestInfo", args: ["X-Date"] };
  const signedAt = parseXDate(xDate);
  // Skew window: not documented; 900 s (the documented default X-Expires of query signing) by default.
  if (Number.isNaN(signedAt) || Math.abs(ctx.clock.now() - signedAt) > ctx.options.volcengine.signatureSkewSec * 1000) {
    return { code: "InvalidTimestamp" };
  }
  if (shortDate !== xDate.slice(0, 8)) return { code: "InvalidCredential" };
  if (service !== VOLCENGINE_RTC_SERVICE) return { code: "ServiceNotFound", args: [service.slice(0, 64)] };

  const credential = ctx.options.auth.credentials.volcengine.find((entry) => entry.accessKeyId === accessKeyId);
  if (credential === undefined) return { code: "InvalidAccessKey", args: [accessKeyId.slice(0, 128)] };

  const signedHeaders = auth.signedHeaders.split(";").map((name) => name.trim().toLowerCase());
  if (signedHeaders.some((name) => !HEADER_NAME.test(name))) return { code: "InvalidAuthorization" };

  const hashing = ctx.options.hashing;
  // The body the server received decides; a client that sends X-Content-Sha256 must hash that body.
  const bodyHash = hashing.sha256Hex(request.rawBody);
  const claimedHash = request.headers["x-content-sha256"];
  if (claimedHash !== undefined && claimedHash.toLowerCase() !== bodyHash) return { code: "SignatureDoesNotMatch" };

  const canonical = canonicalRequest({
    method: request.method,
    path: request.url.pathname,
    query: request.url.searchParams,
    signedHeaders,
    headerValue: (name) => request.headers[name],
    bodyHash,
  });
  const toSign = stringToSign(xDate, `${shortDate}/${region}/${service}/request`, canonical, hashing);
  const expected = signature(signingKey(credential.secretKey, shortDate, region, service, hashing), toSign, hashing);
  const given = auth.signature.toLowerCase();
  if (!SIGNATURE_HEX.test(given) || !constantTimeEqual(expected, given)) return { code: "SignatureDoesNotMatch" };
  return null;
}
