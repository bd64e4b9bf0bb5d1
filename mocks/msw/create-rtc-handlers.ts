import { http, type HttpHandler } from "msw";
import { endpoints } from "../../schemas/registry.js";
import { createMockEngine, type MockEngine } from "../core/engine.js";
import type { MockOptions } from "../options.js";
import { vendors } from "../vendors.js";
import { DEFAULT_MAX_BODY_BYTES, answer } from "./adapter.js";
import { baseUrlMatcher, vendorHostMatcher, type BaseUrlMatcher } from "./base-urls.js";
import { createControl, type RtcControl } from "./control.js";

/** Options of the handlers themselves (beyond the engine's). */
export interface RtcHandlerSettings {
  /** More places to answer, e.g. `http://127.0.0.1:4010` or a dev-proxy prefix `http://localhost:5173/volc`. */
  baseUrls?: string[];
  /** Also intercept the vendors' production, SDK-default and regional hosts (https and http). Default true. */
  vendorHosts?: boolean;
  /** Largest request body accepted; beyond it the vendor's body-too-large error. Default 1 MiB. */
  maxBodyBytes?: number;
}

/** Either engine options (a new engine is created) or an existing engine to share, e.g. with the fastify server. */
export type RtcHandlersOptions = RtcHandlerSettings & ((MockOptions & { engine?: undefined }) | { engine: MockEngine });

/** What `createRtcHandlers` returns: handlers for `setupServer`/`setupWorker`, their control, and the engine. */
export interface RtcHandlers {
  handlers: HttpHandler[];
  control: RtcControl;
  engine: MockEngine;
}

/** The production hosts of every vendor: the registry's endpoint hosts plus each vendor's own list. */
export function vendorHosts(): string[] {
  return [...new Set([...endpoints.map((endpoint) => endpoint.host), ...Object.values(vendors).flatMap((vendor) => vendor.hosts)])];
}

/**
 * MSW handlers for all five endpoints, answered by the same behaviour core as the fastify server:
 * the same request gives the same bytes. Pass engine options, `{ engine, ...settings }`, or an engine.
 */
export function createRtcHandlers(optionsOrEngine: RtcHandlersOptions | MockEngine = {}): RtcHandlers {
  const options: RtcHandlersOptions = isEngine(optionsOrEngine) ? { engine: optionsOrEngine } : optionsOrEngine;
  const { baseUrls = [], vendorHosts: interceptVendorHosts = true, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const engine = options.engine ?? createMockEngine(stripSettings(options));
  const matchers: BaseUrlMatcher[] = baseUrls.map(baseUrlMatcher);
  if (interceptVendorHosts)
    matchers.push(
      vendorHostMatcher(
        vendorHosts(),
        Object.values(vendors).flatMap((vendor) => vendor.hostPatterns),
      ),
    );

  // The URL the engine sees (base-path prefix stripped) travels from the predicate to the resolver as a param.
  const handlers = matchers.map((matcher) =>
    http.all<{ engineUrl: string }>(
      ({ request }) => {
        const url = matcher.match(new URL(request.url));
        return url === null ? false : { matches: true, params: { engineUrl: url.href } };
      },
      ({ request, params }) => answer(engine, request, new URL(params.engineUrl), maxBodyBytes),
    ),
  );
  return { handlers, control: createControl(engine), engine };
}

function stripSettings(options: RtcHandlerSettings & MockOptions): MockOptions {
  const { baseUrls: _baseUrls, vendorHosts: _vendorHosts, maxBodyBytes: _maxBodyBytes, ...mock } = options;
  return mock;
}

function isEngine(value: RtcHandlersOptions | MockEngine): value is MockEngine {
  return typeof (value as Partial<MockEngine>).handle === "function";
}
