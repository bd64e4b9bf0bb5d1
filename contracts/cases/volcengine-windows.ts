import type { EndpointDefinition } from "../../schemas/common/endpoint.js";
import { volcengineSources as src } from "../../schemas/volcengine/sources.js";
import type { CaseContext, ContractCase } from "../case.js";
import { volcengineSeries } from "../profiles/volcengine-series.js";
import { formatRfc3339 } from "../series.js";
import { violation, type Violation } from "../violation.js";
import { errorCode, singleCase } from "./define-case.js";
import { volcengineRequest } from "./requests.js";

/** RFC 3339 in +08:00, second precision, as the Volcengine docs write times. */
export const rfc = (ms: number) => formatRfc3339(ms, 480);

/** A duration as people write it: 30 s, 60 min, 8 h, 7 days. */
export function humanDuration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} day${ms === 86_400_000 ? "" : "s"}`;
  if (ms % 3_600_000 === 0 && ms >= 3 * 3_600_000) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${ms / 1000} s`;
}

/** A body over [start, end] with the given extra fields. */
export function windowBody(ctx: CaseContext, startMs: number, endMs: number, extra: Record<string, unknown>): Record<string, unknown> {
  return { AppId: ctx.fixtures.volcengine.appId, StartTime: rfc(startMs), EndTime: rfc(endMs), ...extra };
}

/**
 * The time-window errors every Volcengine data action shares: start after end, a span longer than
 * the action allows, a start older than its lookback.
 * https://volcengine.com/docs/6348/70426 (InvalidParameter.StartTimeAfterEndTime, InvalidParameter.OutofTimeRange)
 */
export function windowErrorCases(endpoint: EndpointDefinition, extra: Record<string, unknown>): ContractCase[] {
  const span = endpoint.limits.maxSpanMs?.value ?? 3_600_000;
  const lookback = endpoint.limits.lookbackMs?.value ?? 3_600_000;
  const delay = endpoint.limits.dataDelayMs?.value ?? 0;
  const minute = 60_000;
  const granularity =
    typeof extra.AggregateGranularity === "string" ? endpoint.limits.granularitiesMs?.value[extra.AggregateGranularity] : undefined;
  const bucket = endpoint.limits.bucketMs?.value ?? granularity ?? 0;
  return [
    singleCase(endpoint, {
      slug: "start-after-end",
      title: "StartTime after EndTime is refused",
      fidelity: "documented",
      source: `InvalidParameter.StartTimeAfterEndTime (${src.rtcErrors})`,
      expect: errorCode("InvalidParameter.StartTimeAfterEndTime"),
      build: (ctx) => volcengineRequest(endpoint, windowBody(ctx, ctx.now - delay - 10 * minute, ctx.now - delay - 20 * minute, extra)),
    }),
    singleCase(endpoint, {
      slug: "span-too-long",
      title: `a window longer than ${humanDuration(span)} is refused`,
      fidelity: "documented",
      source: `max span (${endpoint.docUrl}); InvalidParameter.OutofTimeRange "range too long" (${src.rtcErrors})`,
      expect: errorCode("InvalidParameter.OutofTimeRange"),
      // Ends at the newest data; where the span is shorter than the lookback only the span is wrong.
      build: (ctx) => {
        const end = ctx.now - delay;
        return volcengineRequest(endpoint, windowBody(ctx, end - span - Math.max(10 * minute, 2 * bucket), end, extra));
      },
    }),
    singleCase(endpoint, {
      slug: "start-beyond-lookback",
      title: `a start older than ${humanDuration(lookback)} is refused`,
      fidelity: "assumed",
      source: `the lookback is documented (${endpoint.docUrl}); that OutofTimeRange answers it is assumed (${src.rtcErrors})`,
      expect: errorCode("InvalidParameter.OutofTimeRange"),
      // Two buckets beyond the lookback: a server may compare at bucket granularity.
      build: (ctx) => {
        const start = ctx.now - lookback - Math.max(30 * minute, 2 * bucket);
        return volcengineRequest(endpoint, windowBody(ctx, start, start + 10 * minute, extra));
      },
    }),
    singleCase(endpoint, {
      slug: "time-without-offset",
      title: "a StartTime without a UTC offset is refused",
      fidelity: "assumed",
      source: `times are RFC3339 (${endpoint.docUrl}), which requires an offset; the code InvalidParameter is assumed (${src.rtcErrors})`,
      expect: errorCode("InvalidParameter"),
      build: (ctx) => {
        const body = windowBody(ctx, ctx.now - delay - 20 * minute, ctx.now - delay - 10 * minute, extra);
        return volcengineRequest(endpoint, { ...body, StartTime: String(body.StartTime).slice(0, 19) });
      },
    }),
    singleCase(endpoint, {
      slug: "illegal-app-id",
      title: "an AppId with characters an AppId cannot have is refused",
      fidelity: "assumed",
      source: `InvalidParameter.IllegalAppId (${src.rtcErrors}); which characters are illegal is assumed from the RTC id rule (${src.goSdkModel20231101})`,
      expect: errorCode("InvalidParameter.IllegalAppId"),
      build: (ctx) =>
        volcengineRequest(endpoint, {
          ...windowBody(ctx, ctx.now - delay - 20 * minute, ctx.now - delay - 10 * minute, extra),
          AppId: "not an app id!",
        }),
    }),
  ];
}

/**
 * Two overlapping windows agree on every bucket they share: data is a function of the bucket, not
 * of the query (assumed; true of any store of finished buckets).
 */
export function overlappingWindowsCase(
  endpoint: EndpointDefinition,
  build: (ctx: CaseContext, startMs: number, endMs: number) => Record<string, unknown>,
  spans: { first: [number, number]; second: [number, number] },
): ContractCase {
  return {
    id: `${endpoint.id}/overlapping-windows-agree`,
    endpointId: endpoint.id,
    title: "two overlapping windows agree on the buckets they share",
    fidelity: "assumed",
    source: "a bucket older than the data delay is final, so every query returns the same value for it (not stated by the vendor)",
    steps: [spans.first, spans.second].map(([from, to]) => ({
      build: (ctx: CaseContext) => volcengineRequest(endpoint, build(ctx, ctx.now - from, ctx.now - to)),
      expect: { outcome: "success" as const },
    })),
    across: (exchanges) => {
      const [a, b] = exchanges.map((x) => volcengineSeries(x.response.json));
      if (a === undefined || b === undefined) return [];
      const out: Violation[] = [];
      let shared = 0;
      for (const s of a) {
        const other = b.find((o) => o.name === s.name);
        if (other === undefined) continue;
        const values = new Map(other.points.map((p) => [p.t, p]));
        for (const p of s.points) {
          const q = values.get(p.t);
          if (q === undefined) continue;
          shared++;
          if (q.value !== p.value)
            out.push(
              violation(
                "consistency",
                q.path,
                `${s.name} at ${new Date(p.t).toISOString()} is ${String(q.value)} here but ${String(p.value)} in the first window`,
              ),
            );
        }
      }
      if (shared === 0)
        out.push(violation("consistency", "Result.Indicators", "the two windows share no bucket, so nothing could be compared"));
      return out;
    },
  };
}
