import { zegoRealtimeMetricNames, type ZegoRealtimeMetric } from "../../schemas/zego/metrics.js";

/** The six GetRealtimeUsage values of one app at one instant. */
export type RealtimeUsageSnapshot = Record<ZegoRealtimeMetric, number>;

const METRIC_INDEX = Object.fromEntries(zegoRealtimeMetricNames.map((name, i) => [name, i])) as Record<ZegoRealtimeMetric, number>;

/**
 * One instant of an app's usage, with its JSON fragments memoized per metric: a polled window
 * repeats most of its points, so each `{"Timestamp":…,"Value":…}` text is built once, not per reply.
 */
export class UsagePoint {
  private readonly texts: (string | undefined)[] = [];

  constructor(
    readonly timestamp: number,
    readonly values: RealtimeUsageSnapshot,
  ) {}

  /** `JSON.stringify({ Timestamp, Value })` for one metric (integers only, nothing to escape). */
  text(metric: ZegoRealtimeMetric): string {
    const index = METRIC_INDEX[metric];
    return (this.texts[index] ??= `{"Timestamp":${this.timestamp},"Value":${this.values[metric]}}`);
  }
}
