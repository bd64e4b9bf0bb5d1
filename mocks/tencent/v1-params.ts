import { hasTencentV1Markers } from "../../schemas/tencent/signing.js";
import { bodyText, type MockRequest } from "../core/reply.js";

const FORM = "application/x-www-form-urlencoded";

/** Per request: its decoded v1 parameters, or null; claims, route, auth and parse all ask. */
const cache = new WeakMap<MockRequest, URLSearchParams | null>();

/**
 * The decoded parameters of a signature v1 request (clients.md §1.3): the query when it carries
 * Signature, SecretId, Nonce and Timestamp (what every SDK sends for GET), else a POST's
 * `application/x-www-form-urlencoded` body carrying them (POST); null for any other request.
 * https://intl.cloud.tencent.com/document/api/238/32088
 */
export function tencentV1Params(request: MockRequest): URLSearchParams | null {
  const known = cache.get(request);
  if (known !== undefined) return known;
  let found: URLSearchParams | null = null;
  if (hasTencentV1Markers(request.url.searchParams)) found = request.url.searchParams;
  else if (request.method === "POST" && mediaType(request) === FORM && request.rawBody.length > 0) {
    const form = new URLSearchParams(bodyText(request));
    if (hasTencentV1Markers(form)) found = form;
  }
  cache.set(request, found);
  return found;
}

/** The Content-Type without parameters, lower-cased ("" when absent). */
function mediaType(request: MockRequest): string {
  return (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}
