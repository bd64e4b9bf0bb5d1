import type { ContractRequest, ContractResponse } from "../exchange.js";

/** Headers never recorded: signatures, credentials, session tokens, cookies, and the hop's own Host. */
const DROPPED_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "x-date",
  "x-content-sha256",
  "x-security-token",
  "x-tc-timestamp",
  "x-tc-token",
  "cookie",
  "set-cookie",
  "host",
]);

/** Any header whose name says it carries a secret. */
const SECRET_HEADER = /(auth|token|secret|signature|credential|cookie|password|api-key)/i;

/** Query parameters never recorded: ZEGO's signature and nonce, Volcengine's query-signing fields. */
const DROPPED_QUERY = new Set([
  "signature",
  "signaturenonce",
  "x-signature",
  "x-credential",
  "x-security-token",
  "x-signedheaders",
  "x-algorithm",
]);

/** Marker that replaces a secret value found anywhere in a recording. */
export const REDACTED = "[redacted]";

function keepHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (DROPPED_HEADERS.has(key) || SECRET_HEADER.test(key)) continue;
    out[key] = value;
  }
  return out;
}

/** Path and query without signature parameters; the kept ones keep their exact spelling. */
export function sanitizePath(path: string): string {
  const q = path.indexOf("?");
  if (q < 0) return path;
  const kept = path
    .slice(q + 1)
    .split("&")
    .filter((pair) => {
      if (pair === "") return false;
      let name = pair.split("=")[0]!;
      try {
        name = decodeURIComponent(name.replace(/\+/g, " "));
      } catch {
        // keep the raw name
      }
      return !DROPPED_QUERY.has(name.toLowerCase());
    });
  return kept.length === 0 ? path.slice(0, q) : `${path.slice(0, q)}?${kept.join("&")}`;
}

/** A request as it may be recorded. */
export function sanitizeRequest(request: ContractRequest): ContractRequest {
  return { method: request.method, path: sanitizePath(request.path), headers: keepHeaders(request.headers), body: request.body };
}

/** A reply as it may be recorded. */
export function sanitizeResponse(response: ContractResponse): ContractResponse {
  return { status: response.status, headers: keepHeaders(response.headers), body: response.body };
}

/** Replaces every occurrence of each secret (and its URL-encoded form) in serialized text. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]))
      out = out.split(form).join(REDACTED);
  }
  return out;
}
