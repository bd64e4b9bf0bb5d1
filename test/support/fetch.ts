import type { VendorRequest } from "./requests.js";

/** A request ready for `fetch`: the absolute URL and its init. */
export interface FetchRequest {
  url: string;
  init: RequestInit & { method: string; headers: Record<string, string> };
}

/**
 * The request as `fetch(url, init)` arguments at `origin` (which may carry a base path such as
 * `http://127.0.0.1:4999/rtc`); `host` is left to the URL, as fetch sets it.
 */
export function toFetch(request: VendorRequest, origin: string): FetchRequest {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== "host"));
  const body = request.body === undefined || request.body === "" ? {} : { body: request.body as BodyInit };
  return { url: new URL(origin.replace(/\/$/, "") + request.path).href, init: { method: request.method, headers, ...body } };
}
