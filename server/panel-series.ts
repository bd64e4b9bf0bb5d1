import type { MockEngine } from "../mocks/core/engine.js";
import { hits, type FaultRule } from "../mocks/core/faults.js";
import { behaviours } from "../mocks/behaviours.js";
import { endpoints, type EndpointId } from "../schemas/registry.js";
import { volcengineIndicatorsByAction } from "../schemas/volcengine/indicators.js";
import { zegoRealtimeMetricNames } from "../schemas/zego/metrics.js";
import type { Behaviour } from "../mocks/core/behaviour.js";
import type { Backend } from "../mocks/core/vendor.js";

/** An endpoint the panel can chart: a time series per indicator or metric (Tencent's room statistics are not one). */
export interface ChartableEndpoint {
  id: EndpointId;
  vendor: "volcengine" | "zego";
  action: string;
  version: string | null;
  /** What the `indicator` of a series request may name. */
  indicators: string[];
  /** The AppId the endpoint's example uses. */
  exampleAppId: string;
  lookbackMs: number | undefined;
  dataDelayMs: number | undefined;
}

/** One line of a chart: the reply's series of that name. */
export interface SeriesLine {
  name: string;
  unit?: string;
  /** Epoch ms and value, oldest first. */
  points: [number, number][];
}

/** What the endpoint's behaviour serves now, or the vendor error it answers. */
export type SeriesAnswer =
  | { lines: SeriesLine[]; start: number; end: number; faults: FaultRule[] }
  | { error: { code: string; message?: string }; faults: FaultRule[] };

const table = behaviours as unknown as Record<EndpointId, Behaviour<EndpointId, Backend, unknown>>;

/** The endpoints with series, in registry order. */
export const chartableEndpoints: ChartableEndpoint[] = endpoints.flatMap((endpoint): ChartableEndpoint[] => {
  const limits = endpoint.limits as { lookbackMs?: { value: number }; dataDelayMs?: { value: number } };
  const common = {
    id: endpoint.id,
    action: endpoint.action,
    version: endpoint.version,
    lookbackMs: limits.lookbackMs?.value,
    dataDelayMs: limits.dataDelayMs?.value,
  };
  if (endpoint.vendor === "volcengine") {
    const catalog = volcengineIndicatorsByAction[endpoint.action as keyof typeof volcengineIndicatorsByAction];
    const body = JSON.parse(table[endpoint.id].example(Date.UTC(2024, 2, 1)).body ?? "{}") as { AppId?: string };
    return [{ ...common, vendor: "volcengine", indicators: Object.keys(catalog), exampleAppId: body.AppId ?? "" }];
  }
  if (endpoint.vendor === "zego") {
    const query = new URL(table[endpoint.id].example(Date.UTC(2024, 2, 1)).path, "http://fake").searchParams;
    return [{ ...common, vendor: "zego", indicators: [...zegoRealtimeMetricNames], exampleAppId: query.get("AppId") ?? "" }];
  }
  return [];
});

/**
 * Runs an endpoint's own parse and resolve for the panel, on the endpoint's example request at mock
 * now (whose window is the endpoint's longest valid one, or for ZEGO its 2-hour lookback) with the
 * chosen AppId and indicator. Nothing else of the pipeline runs: no fault fires or is used up, no
 * quota is spent, no signature is needed, nothing is journaled (docs/decisions/0008). The fault
 * rules that would hit the endpoint's next request are returned alongside.
 */
export function serveSeries(engine: MockEngine, chart: ChartableEndpoint, appId: string, indicator: string): SeriesAnswer {
  const now = engine.clock.now();
  const behaviour = table[chart.id];
  const example = behaviour.example(now);
  const url = new URL(example.path, "http://127.0.0.1");
  let body = example.body;
  let start: number;
  let end: number;
  if (chart.vendor === "volcengine") {
    const json = JSON.parse(body ?? "{}") as Record<string, unknown>;
    json.AppId = appId;
    json.Indicator = [indicator];
    body = JSON.stringify(json);
    start = Date.parse(String(json.StartTime));
    end = Date.parse(String(json.EndTime));
  } else {
    // A minute inside the lookback, so the window is still valid when the request is parsed.
    start = now - (chart.lookbackMs ?? 7_200_000) + 60_000;
    end = now;
    url.search = "";
    for (const [name, value] of [
      ["Action", "GetRealtimeUsage"],
      ["AppId", appId],
      ["Metrics[]", indicator],
      ["StartTs", String(start)],
      ["EndTs", String(end)],
    ])
      url.searchParams.append(name!, value!);
  }
  const faults = engine.faults.list().filter((rule) => hits(rule, chart.vendor, chart.action));
  const ctx = { clock: engine.clock, world: engine.world, options: engine.options, backend: engine.backends[chart.vendor] };
  const request = { method: example.method, url, headers: example.headers, rawBody: new TextEncoder().encode(body ?? "") };
  const parsed = behaviour.parse(request, ctx);
  if ("error" in parsed) return { error: parsed.error, faults };
  const resolved = behaviour.resolve(parsed.input, ctx);
  if ("error" in resolved) return { error: resolved.error, faults };
  return { lines: linesOf(resolved.data()), start, end, faults };
}

/** The series of a Volcengine `Result` (Indicators[].Data) or a ZEGO `Data` (Metrics[].Values). */
function linesOf(data: unknown): SeriesLine[] {
  const result = data as {
    Indicators?: { Name: string; Unit?: string; Data: { TimeStamp: string; Value: number }[] }[];
    Metrics?: { Metric: string; Values: { Timestamp: number; Value: number }[] }[];
  };
  if (result.Indicators !== undefined)
    return result.Indicators.map((line) => ({
      name: line.Name,
      ...(line.Unit !== undefined ? { unit: line.Unit } : {}),
      points: line.Data.map((point): [number, number] => [Date.parse(point.TimeStamp), point.Value]),
    }));
  return (result.Metrics ?? []).map((line) => ({
    name: line.Metric,
    points: line.Values.map((point): [number, number] => [point.Timestamp, point.Value]),
  }));
}
