import { lowerCaseHeaders, type ContractRequest, type ContractResponse } from "../exchange.js";

/** The URL a request path goes to under a base URL; a base path prefix (`http://host/prefix`) is kept. */
export function resolveUrl(baseUrl: URL, path: string): URL {
  const prefix = baseUrl.pathname.replace(/\/+$/, "");
  return new URL(`${prefix}${path.startsWith("/") ? path : `/${path}`}`, baseUrl.origin);
}

/** Sends a request with fetch and returns the raw reply (status, lower-cased headers, body text). */
export async function httpSend(url: URL, request: ContractRequest, timeoutMs = 30_000): Promise<ContractResponse> {
  const response = await fetch(url, {
    method: request.method,
    headers: request.headers,
    ...(request.method === "GET" || request.body === "" ? {} : { body: request.body }),
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, headers: lowerCaseHeaders(response.headers.entries()), body: await response.text() };
}
