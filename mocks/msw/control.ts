import type { z } from "zod";
import type { Vendor } from "../../schemas/common/endpoint.js";
import { endpoints } from "../../schemas/registry.js";
import { toEpochMs } from "../core/clock.js";
import { clockRangeText, inClockRange } from "../core/clock-range.js";
import type { EngineReset, MockEngine } from "../core/engine.js";
import type { FaultSpec } from "../core/faults.js";
import type { JournalEntry, JournalFilter } from "../core/journal.js";
import type { RoomSpec } from "../tencent/room-spec.js";
import type { RoomRegistry, RoomView } from "../tencent/rooms.js";
import { vendors } from "../vendors.js";
import type { VendorAction, VendorErrorCode } from "./contract-types.js";

/** Which requests a control rule hits: every request, one vendor, or one vendor action. */
export type Target = { vendor?: undefined; action?: undefined } | { [V in Vendor]: { vendor: V; action?: VendorAction<V> } }[Vendor];

/** How often a rule fires: the next `times` matching requests (default: until removed or reset), each with `probability`. */
export interface Frequency {
  times?: number;
  probability?: number;
}

/** A forced catalog error; `code` must be a key of that vendor's catalog. */
export type ForcedError = {
  [V in Vendor]: { vendor: V; action?: VendorAction<V>; code: VendorErrorCode<V>; args?: string[] } & Frequency;
}[Vendor];

/** A forced throttle reply of one vendor (its own throttle code and message). */
export type ForcedThrottle = { [V in Vendor]: { vendor: V; action?: VendorAction<V> } & Frequency }[Vendor];

/**
 * Which journal entries `requests` returns: every field given must match (the same filters as the
 * server's `GET /__mock/journal`). `after` keeps entries with a greater `seq`, `limit` the newest N.
 */
export type RequestFilter = (
  | { vendor?: undefined; action?: VendorAction<Vendor>; errorCode?: { [V in Vendor]: VendorErrorCode<V> }[Vendor] }
  | { [V in Vendor]: { vendor: V; action?: VendorAction<V>; errorCode?: VendorErrorCode<V> } }[Vendor]
) & { tenant?: string; status?: number; after?: number; limit?: number };

/** A registered rule; `remove()` retires it early. */
export interface RuleHandle {
  readonly id: string;
  remove(): boolean;
}

/** Per-test control of the mock behind the handlers: faults, clock, quotas, rooms, journal. */
export interface RtcControl {
  /** Answer matching requests with a catalog error, in the vendor's envelope and status. */
  forceError(spec: ForcedError): RuleHandle;
  /** Answer matching requests with the vendor's throttle error, as if the rate limit were spent. */
  throttle(spec: ForcedThrottle): RuleHandle;
  /** Delay matching replies by `ms` (added up when several rules match). */
  latency(spec: Target & Frequency & { ms: number }): RuleHandle;
  /** Fail matching requests at the network level (fetch rejects with a TypeError). */
  networkError(spec?: Target & Frequency): RuleHandle;
  /** Answer matching requests with a bare HTTP status, as a gateway in front of the vendor would. */
  httpError(spec: Target & Frequency & { status: number; body?: string }): RuleHandle;
  /** Switch rate limiting on or off. */
  rateLimits(enabled: boolean): void;
  /** Current mock time (epoch ms). */
  now(): number;
  /** Move the mock clock forward (or back, with a negative value). */
  advanceClock(ms: number): void;
  /** Jump the mock clock to a time (epoch ms, ISO text or Date); it keeps running unless frozen. */
  setClock(time: number | string | Date): void;
  /** Stop the mock clock, at `time` or where it stands. */
  freezeClock(time?: number | string | Date): void;
  /** The Tencent LCIC rooms and their lifecycles. */
  readonly rooms: RoomRegistry;
  /** Add a Tencent LCIC room (the same spec as the server's `POST /__mock/rooms`); throws a readable Error when invalid. */
  room(spec: z.input<typeof RoomSpec>): RoomView;
  /**
   * Requests handled since the last reset (as many as the journal keeps), oldest first, each with
   * the request as the vendor read it and the reply, sanitized (no signature, token or secret);
   * `filter` selects, e.g. `requests({ action: "ListRealTimeQuality" })`. Throws on a bad filter.
   */
  requests(filter?: RequestFilter): JournalEntry[];
  /**
   * Back to the start: clock (never backwards when it follows real time), quotas, rate-limit switch
   * and faults (as configured), rooms, journal, request ids. Call between tests.
   */
  reset(): EngineReset;
}

/** Creates the control of one engine. Specs are checked at run time too, for callers without types. */
export function createControl(engine: MockEngine): RtcControl {
  const vendorOf = (vendor: Vendor) => {
    if (!Object.hasOwn(vendors, vendor))
      throw new Error(`rtc-analytics-mock/msw: unknown vendor ${JSON.stringify(vendor)} (expected volcengine, zego or tencent)`);
    return vendors[vendor];
  };

  // The engine checks vendor, action and error code against the registry and catalogs.
  const add = (spec: FaultSpec): RuleHandle => {
    let rule;
    try {
      rule = engine.faults.add(spec);
    } catch (cause) {
      throw new Error(`rtc-analytics-mock/msw: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
    return { id: rule.id, remove: () => engine.faults.remove(rule.id) };
  };

  // The same range as the server's control API: times every vendor's formats can express.
  const inRange = (ms: number): number => {
    if (!inClockRange(ms)) throw new Error(`rtc-analytics-mock/msw: ${ms} is outside the clock's range, ${clockRangeText}`);
    return ms;
  };

  // For callers without types: the same checks as the server's query schema.
  const checkedFilter = (filter: RequestFilter): JournalFilter => {
    if (filter.vendor !== undefined) vendorOf(filter.vendor);
    const whole = (name: "status" | "after" | "limit", value: number | undefined, min: number) => {
      if (value !== undefined && !(Number.isSafeInteger(value) && value >= min))
        throw new Error(`rtc-analytics-mock/msw: requests({ ${name} }) must be a whole number ≥ ${min}, not ${JSON.stringify(value)}`);
    };
    whole("status", filter.status, 0);
    whole("after", filter.after, 0);
    whole("limit", filter.limit, 1);
    for (const name of ["action", "tenant", "errorCode"] as const)
      if (filter[name] !== undefined && typeof filter[name] !== "string")
        throw new Error(`rtc-analytics-mock/msw: requests({ ${name} }) must be a string`);
    return filter;
  };

  const scope = (spec: { vendor?: Vendor; action?: string } & Frequency) => ({
    ...(spec.vendor !== undefined ? { vendor: spec.vendor } : {}),
    ...(spec.action !== undefined ? { action: spec.action } : {}),
    ...(spec.times !== undefined ? { times: spec.times } : {}),
    ...(spec.probability !== undefined ? { probability: spec.probability } : {}),
  });

  return {
    forceError(spec) {
      return add({ kind: "error", code: spec.code, ...(spec.args !== undefined ? { args: spec.args } : {}), ...scope(spec) });
    },
    throttle(spec) {
      const vendor = vendorOf(spec.vendor);
      const endpoint = endpoints.find((e) => e.vendor === spec.vendor && (spec.action === undefined || e.action === spec.action));
      const rule = endpoint?.limits.rate[0];
      if (endpoint === undefined || rule === undefined)
        throw new Error(`rtc-analytics-mock/msw: no documented rate limit for ${spec.vendor} ${spec.action ?? ""}`.trim());
      const error = vendor.throttled(rule, rule.windowMs);
      return add({ kind: "error", code: error.code, ...(error.args !== undefined ? { args: [...error.args] } : {}), ...scope(spec) });
    },
    latency(spec) {
      return add({ kind: "latency", ms: spec.ms, ...scope(spec) });
    },
    networkError(spec = {}) {
      return add({ kind: "drop", ...scope(spec) });
    },
    httpError(spec) {
      return add({ kind: "http", status: spec.status, ...(spec.body !== undefined ? { body: spec.body } : {}), ...scope(spec) });
    },
    rateLimits: (enabled) => engine.setRateLimits(enabled),
    now: () => engine.clock.now(),
    advanceClock: (ms) => {
      inRange(engine.clock.now() + ms);
      engine.clock.advance(ms);
    },
    setClock: (time) => engine.clock.set(inRange(toEpochMs(time))),
    freezeClock: (time) => engine.clock.freeze(time === undefined ? undefined : inRange(toEpochMs(time))),
    get rooms() {
      return engine.backends.tencent.rooms;
    },
    room: (spec) => engine.backends.tencent.rooms.add(spec),
    requests: (filter = {}) => engine.journal.entries(checkedFilter(filter)),
    reset: () => engine.reset(),
  };
}
