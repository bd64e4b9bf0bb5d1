import { zegoEndpoints } from "../../../schemas/zego/index.js";
import type { Behaviour } from "../../core/behaviour.js";
import type { ZegoBackend } from "../backend.js";
import { zegoAppIdOf } from "../app-id.js";
import { businessParams } from "../post-body.js";
import { parseGetRealtimeUsage, pointTimes, type GetRealtimeUsageInput } from "../get-realtime-usage.js";
import { zegoSources } from "../../../schemas/zego/sources.js";

const [endpoint] = zegoEndpoints;
const MINUTE = 60_000;
const action = endpoint.action;

/** The AppId of the demo credentials (mocks/options.ts), so the example also passes verify mode once signed. */
const EXAMPLE_APP_ID = "1234567890";

/**
 * GetRealtimeUsage: the series of each requested metric at multiples of the step, from the seeded
 * usage world; the window rules are checked while parsing. AppId is checked in both auth modes: it
 * scopes quotas and data (assumed; 100000001 is the gateway's code).
 * https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage
 */
export const getRealtimeUsage: Behaviour<"zego.GetRealtimeUsage", ZegoBackend, GetRealtimeUsageInput> = {
  id: endpoint.id,

  parse(request, ctx) {
    // AppId is a common parameter: always in the query.
    const appId = zegoAppIdOf(request.url.searchParams);
    if (appId === null) return { error: { code: "100000001" } };
    const business = businessParams(request);
    if ("error" in business) return business;
    const parsed = parseGetRealtimeUsage(business.params, appId, endpoint.limits, ctx);
    return "error" in parsed ? parsed : { input: parsed.input, tenant: appId };
  },

  resolve(input, ctx) {
    const { stepMs, alignPoints } = ctx.options.zego;
    const times = pointTimes(input, endpoint.limits, stepMs, alignPoints);
    return {
      // The data depends only on the AppId, the metrics and the point times.
      cacheKey: JSON.stringify([input.appId, input.metrics, times[0] ?? null, times.length, stepMs]),
      data: () => {
        const points = ctx.backend.usage.points(input.appId, times);
        return {
          Metrics: input.metrics.map((metric) => ({
            Metric: metric,
            Values: points.map((point, i) => ({ Timestamp: times[i]!, Value: point[metric] })),
          })),
        };
      },
    };
  },

  example: (now) => ({
    method: "GET",
    path:
      `/?Action=GetRealtimeUsage&AppId=${EXAMPLE_APP_ID}` +
      `&Metrics[]=publish_concurrent&Metrics[]=online_user&StartTs=${now - 10 * MINUTE}&EndTs=${now}`,
    headers: {},
  }),

  ledger: [
    // Parameters
    {
      vendor: "zego",
      rule: "AppId must be the decimal text of a Uint32 (1–4294967295, no sign or leading zero), else 100000001, in both auth modes.",
      fidelity: "assumed",
      source:
        "AppId is documented as Uint32 and 100000001 as 'AppId format error'; it is checked even with auth off because it scopes quotas and data.",
    },
    {
      vendor: "zego",
      action,
      rule: "Metrics[] missing → 10002; a name outside the six metrics → 10002; repeated names are answered once, in request order.",
      fidelity: "assumed",
      source:
        "Metrics[] is required and its values enumerated (documented); which code a missing or unknown metric gets is not. 10002 'parameter error or invalid' fits a missing or unknown value better than 10001 'format error'.",
    },
    {
      vendor: "zego",
      action,
      rule: "StartTs or EndTs missing or empty → 10002; present but not a non-negative integer (abc, 1.5, -1, 1e12, > 16 digits) → 10001.",
      fidelity: "assumed",
      source:
        "Both are documented as required Numbers in ms; the split between 10001 (format) and 10002 (invalid) is the kit's reading of the two codes.",
    },
    {
      vendor: "zego",
      action,
      rule: "StartTs and EndTs are UTC milliseconds; EndTs 0 means now.",
      fidelity: "documented",
      source: zegoSources.getRealtimeUsage,
    },
    {
      vendor: "zego",
      action,
      rule: "An EndTs later than now is read as now.",
      fidelity: "assumed",
      source:
        "The docs say 0 'or the current timestamp' mean in progress; a slightly future EndTs (client clock ahead) is treated the same instead of being rejected.",
    },
    {
      vendor: "zego",
      action,
      rule: "Only the last 2 hours: StartTs earlier than now − 2 h → 10002.",
      fidelity: "documented",
      source: zegoSources.getRealtimeUsage,
      switch: "The 2-hour window is documented; the code 10002 for violating it is assumed.",
    },
    {
      vendor: "zego",
      action,
      rule: "StartTs later than EndTs (when EndTs ≠ 0), or later than now → 10002.",
      fidelity: "assumed",
      source: "Not documented; 10002 'parameter error or invalid' is the documented code that fits.",
    },
    {
      vendor: "zego",
      rule: "IsTest is accepted (true/false, any case) and otherwise ignored; 100000016 only comes from a fault rule.",
      fidelity: "assumed",
      source: "The fake server has no test/production environments per app.",
    },
    // Data
    {
      vendor: "zego",
      action,
      rule: "Points are spaced by the step; the default step is 60 s.",
      fidelity: "assumed",
      source:
        "The docs disagree: 'seconds' (seed, overview pages) vs 'minutes' (current detail pages, OpenAPI yaml, 60 s-apart example). The current statement is followed.",
      switch: "options.zego.stepMs (1000–3600000)",
    },
    {
      vendor: "zego",
      action,
      rule: 'Point times: with alignPoints "start" one point per step from StartTs on (StartTs, StartTs + step, …), keeping StartTs\'s offset within the step, both ends included; with "epoch" the multiples of the step since the epoch inside the window.',
      fidelity: "assumed",
      source: `Examples only: the current page asks StartTs=1672565260000 … EndTs=1672565320000 (40 s past the minute) and answers points at 1660634260000 and 1660634320000, also 40 s past the minute, 60 s apart, both ends included (${zegoSources.getRealtimeUsage}, ${zegoSources.openApiYaml}); the older example's single point 1660634097767 is not even on a whole second (${zegoSources.getRealtimeUsageOld}). Both contradict epoch alignment; StartTs + k·step fits the newer one exactly. The examples' dates differ from their requests, so the evidence is weak.`,
      switch: 'options.zego.alignPoints: "start" | "epoch" (default "start"; "epoch" is the grid used before issue 12)',
    },
    {
      vendor: "zego",
      action,
      rule: "No point is newer than now − 3 minutes (data delay); a window entirely inside the delay returns empty Values.",
      fidelity: "documented",
      source: zegoSources.getRealtimeUsage,
    },
    {
      vendor: "zego",
      action,
      rule: "Each value is a pure function of (seed, AppId, metric, timestamp): overlapping windows agree and a metric's series does not depend on the other metrics asked.",
      fidelity: "assumed",
      source: "Design principle of the kit (a coherent, deterministic world); real data is only reproducible in this sense.",
      switch: "seed option",
    },
    {
      vendor: "zego",
      action,
      rule: "Values are integers with a daily rhythm (China time, evening peak) and noise; room_concurrent ≤ online_user, max_room_user ≤ online_user, play_concurrent ≥ publish_concurrent, mix_concurrent ≤ publish_concurrent.",
      fidelity: "assumed",
      source: "The metrics are counts (documented meanings); their relations follow from what they count. Curves are invented for realism.",
    },
    // Limits
    {
      vendor: "zego",
      action,
      rule: "3 calls per minute and 480 calls per day per AppId; over either → 30002.",
      fidelity: "documented",
      source: zegoSources.getRealtimeUsage,
      switch: "rateLimits option / engine.setRateLimits(false). That the daily quota also answers 30002 is assumed (not stated).",
    },
    {
      vendor: "zego",
      rule: "Requests refused before the rate limiter (routing, signature, parameters) do not consume quota.",
      fidelity: "assumed",
      source: "Not documented; charging only well-formed requests keeps quota behaviour predictable.",
    },
  ],
};
