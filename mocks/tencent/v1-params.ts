import { hasTencentV1Markers } from "../../schemas/tencent/signing.js";
import { bodyText, type MockRequest } from "../core/reply.js";

const FORM = "application/x-www-form-urlencoded";

/**
 * The decoded parameters of a signature v1 request (clients.md §1.3): the query when it carries
 * Signature, SecretId, Nonce and Timestamp (what every SDK sends for GET), else a POST's
 * `application/x-www-form-urlencoded` body carrying them (POST); null for any other request.
 * https://intl.cloud.tencent.com/document/api/238/32088
 */
export function tencentV1Params(request: MockRequest): URLSearchParams | null {
  if (hasTencentV1Markers(request.url.searchParams)) return request.url.searchParams;
  if (request.method !== "POST" || mediaType(request) !== FORM || request.rawBody.length === 0) return null;
  // Decoded again by each caller (claims, route, auth, parse): a form body of a few hundred bytes, not worth a memo.
  const form = new URLSearchParams(bodyText(request));
  return hasTencentV1Markers(form) ? form : null;
}

/** The Content-Type without parameters, lower-cased ("" when absent). */
function mediaType(request: MockRequest): string {
  return (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}
