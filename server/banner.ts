import type { EndpointDefinition, Vendor } from "../schemas/common/endpoint.js";
import { CONTROL_PREFIX } from "./control/prefix.js";
import { DOCS_PATH } from "./control/control-api.js";
import { UI_PATH } from "./ui-page.js";
import type { ConfigSource } from "./config/serve-config.js";

/** What the start-up banner shows. */
export interface BannerInfo {
  name: string;
  version: string;
  url: string;
  endpoints: readonly EndpointDefinition[];
  seed: number | string;
  clock: { now: number; frozen: boolean };
  rateLimits: boolean;
  auth: "off" | "verify";
  /** Accepted credential ids per vendor (never secrets) and where they came from. */
  credentialIds: Record<Vendor, { ids: string[]; source: ConfigSource }>;
  faults: number;
  configFile: string | undefined;
}

/** How a request reaches an endpoint on the shared port. */
export function routingOf(endpoint: EndpointDefinition): string {
  if (endpoint.actionCarrier === "header") {
    return `/ with headers X-TC-Action: ${endpoint.action}${endpoint.version ? `, X-TC-Version: ${endpoint.version}` : ""}`;
  }
  return endpoint.version === null ? `/?Action=${endpoint.action}` : `/?Action=${endpoint.action}&Version=${endpoint.version}`;
}

/** The start-up banner: endpoints from the registry, the control API, the docs page, seed, clock and auth. */
export function renderBanner(info: BannerInfo): string {
  const rows = info.endpoints.map((endpoint) => [
    endpoint.vendor,
    endpoint.action,
    endpoint.version ?? "-",
    endpoint.method,
    routingOf(endpoint),
  ]);
  const header = ["vendor", "action", "version", "method", "routed by"];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    `  ${cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ")}`.trimEnd();
  const source = (s: ConfigSource) => (s === "default" ? "demo" : s === "file" ? "config file" : s);
  const credentialLines =
    info.auth === "verify"
      ? (Object.entries(info.credentialIds) as [Vendor, { ids: string[]; source: ConfigSource }][]).map(
          ([vendor, { ids, source: from }]) => `  ${vendor.padEnd(10)} ${ids.join(", ")} (${source(from)})`,
        )
      : [];
  return [
    "",
    `${info.name} ${info.version}: fake Volcengine RTC, ZEGO analytics and Tencent LCIC analytics APIs`,
    `Listening on ${info.url}`,
    "",
    "Endpoints (one port serves all of them; each request's query or headers pick the endpoint,",
    "and a vendor's production Host header always picks that vendor):",
    ...(rows.length > 0 ? [line(header), ...rows.map(line)] : ["  (none registered)"]),
    "",
    `Control API  ${info.url}${CONTROL_PREFIX}/   health, reset, clock, faults, rooms, journal, rate-limits, sessions`,
    `API docs     ${info.url}${DOCS_PATH}/`,
    `Panel        ${info.url}${UI_PATH}/`,
    `OpenAPI      ${info.url}${CONTROL_PREFIX}/openapi/{volcengine,zego,tencent}.json`,
    "",
    `Seed         ${String(info.seed)}`,
    `Clock        ${new Date(info.clock.now).toISOString()} (${info.clock.frozen ? "frozen" : "running"})`,
    `Rate limits  ${info.rateLimits ? "on" : "off"}`,
    `Faults       ${info.faults === 0 ? "none" : `${info.faults} configured`}`,
    `Auth         ${info.auth === "verify" ? "verify: signatures are checked; accepted ids:" : "off: any signature is accepted"}`,
    ...credentialLines,
    ...(info.configFile !== undefined ? [`Config file  ${info.configFile}`] : []),
    "",
    "Press Ctrl+C to stop.",
    "",
  ].join("\n");
}
