/**
 * Where the MSW handlers listen: the vendors' production hosts (over https and http, any path) and
 * every base URL the user gives. A base URL with a path (e.g. `http://localhost:5173/volc`) stands
 * for a dev proxy mounted there: the prefix is stripped before the engine sees the request, as the
 * proxy would strip it on its way to the vendor.
 */
export interface BaseUrlMatcher {
  /** The request URL as the engine should see it, or null when this matcher does not take it. */
  match(url: URL): URL | null;
  /** For messages and docs. */
  readonly label: string;
}

/** Matches every request to one of `hosts` or `patterns` (hostname, any port) over http or https; the URL is kept. */
export function vendorHostMatcher(hosts: Iterable<string>, patterns: readonly RegExp[] = []): BaseUrlMatcher {
  const set = new Set([...hosts].map((host) => host.toLowerCase()));
  const owns = (hostname: string) => set.has(hostname) || patterns.some((pattern) => pattern.test(hostname));
  return {
    label: [...set, ...patterns.map(String)].join(", "),
    match: (url) => ((url.protocol === "https:" || url.protocol === "http:") && owns(url.hostname) ? url : null),
  };
}

/**
 * Matches requests under one base URL (same origin, path equal to or below the base path). A
 * relative base URL is resolved against `location` where there is one (browsers).
 */
export function baseUrlMatcher(baseUrl: string): BaseUrlMatcher {
  const base = parseBaseUrl(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, "");
  return {
    label: `${base.origin}${prefix}`,
    match(url) {
      if (url.origin !== base.origin) return null;
      if (prefix === "") return url;
      if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return null;
      const rewritten = new URL(url.href);
      rewritten.pathname = url.pathname.slice(prefix.length) || "/";
      return rewritten;
    },
  };
}

function parseBaseUrl(baseUrl: string): URL {
  const location = (globalThis as { location?: { href?: string } }).location;
  try {
    return location?.href ? new URL(baseUrl, location.href) : new URL(baseUrl);
  } catch {
    throw new Error(
      `rtc-analytics-mock/msw: invalid base URL ${JSON.stringify(baseUrl)} (give an absolute URL such as http://127.0.0.1:4010)`,
    );
  }
}
