import type { Sourced } from "../common/sourced.js";
import { zegoSources } from "./sources.js";

/** The six metric names GetRealtimeUsage accepts in `Metrics[]`, in the order the docs list them. */
export const zegoRealtimeMetricNames = [
  "publish_concurrent",
  "play_concurrent",
  "room_concurrent",
  "online_user",
  "max_room_user",
  "mix_concurrent",
] as const;

/** One of the six GetRealtimeUsage metric names. */
export type ZegoRealtimeMetric = (typeof zegoRealtimeMetricNames)[number];

/** A catalog entry: what a metric counts, in which unit, and where that is stated. */
export interface ZegoMetricDefinition extends Sourced {
  name: ZegoRealtimeMetric;
  /** English meaning (from the English page). */
  meaning: string;
  /** Chinese wording of the seed document. */
  meaningZh: string;
  /** What one unit of the value is. The docs give none; every metric is a count of the thing named. */
  unit: "streams" | "rooms" | "users" | "tasks";
}

const unitNote = "The docs state no unit; the unit is read off the metric's meaning (a count).";

/**
 * Metric catalog of GetRealtimeUsage: each value is an instantaneous count for the app at the point's
 * Timestamp. https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage
 */
export const zegoRealtimeMetrics = {
  publish_concurrent: {
    name: "publish_concurrent",
    meaning: "Push stream concurrency: streams being published at the same time.",
    meaningZh: "推流并发",
    unit: "streams",
    fidelity: "documented",
    source: zegoSources.getRealtimeUsage,
    note: unitNote,
  },
  play_concurrent: {
    name: "play_concurrent",
    meaning: "Pull stream concurrency: streams being played at the same time.",
    meaningZh: "拉流并发",
    unit: "streams",
    fidelity: "documented",
    source: zegoSources.getRealtimeUsage,
    note: unitNote,
  },
  room_concurrent: {
    name: "room_concurrent",
    meaning: "Room concurrency: rooms open at the same time.",
    meaningZh: "房间并发",
    unit: "rooms",
    fidelity: "documented",
    source: zegoSources.getRealtimeUsage,
    note: unitNote,
  },
  online_user: {
    name: "online_user",
    meaning: "Online user count.",
    meaningZh: "在线用户数",
    unit: "users",
    fidelity: "documented",
    source: zegoSources.getRealtimeUsage,
    note: unitNote,
  },
  max_room_user: {
    name: "max_room_user",
    meaning: "Maximum room user count: users in the most populated room.",
    meaningZh: "最大房间用户数",
    unit: "users",
    fidelity: "documented",
    source: zegoSources.getRealtimeUsage,
    note: unitNote,
  },
  mix_concurrent: {
    name: "mix_concurrent",
    meaning: "Mixed stream concurrency: stream-mixing tasks running at the same time.",
    meaningZh: "混流并发",
    unit: "tasks",
    fidelity: "documented",
    source: zegoSources.getRealtimeUsage,
    note: unitNote,
  },
} as const satisfies Record<ZegoRealtimeMetric, ZegoMetricDefinition>;
