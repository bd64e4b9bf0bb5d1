import type { Sourced } from "../common/sourced.js";
import { volcengineSources as src } from "./sources.js";

/** A series name an indicator comes back as, with its unit. */
export interface VolcengineSeriesDefinition extends Sourced {
  /** `Indicators[].Name` in the reply. */
  name: string;
  /** `Indicators[].Unit`; omitted in replies when the endpoint's docs show no Unit. */
  unit: string;
  /** Whether the fake server puts `Unit` on the wire for this series. */
  unitOnWire: boolean;
  description: string;
}

/** One `Indicator` request value and the series it returns. */
export interface VolcengineIndicatorDefinition extends Sourced {
  /** The value sent in `Indicator[]`. */
  indicator: string;
  description: string;
  /** Series returned for it, in order. A quality indicator returns several, renamed. */
  series: readonly VolcengineSeriesDefinition[];
  /** Names seen in the docs but not produced by default (e.g. other thresholds). */
  otherDocumentedNames?: readonly string[];
}

const quality = `${src.indicators}#listquality`;
const percent = (
  name: string,
  description: string,
  fidelity: "documented" | "assumed" = "documented",
  source = quality,
): VolcengineSeriesDefinition => ({
  name,
  unit: "%",
  unitOnWire: true,
  description,
  fidelity,
  source,
});

/**
 * Quality indicators of ListRealTimeQuality (https://volcengine.com/docs/6348/1167931#listquality, the
 * five-row table that the Go SDK models point to). One requested value comes back as several series
 * whose names carry the threshold and/or the media (`5s_…`, `audio_…`/`video_…`), unit `%`.
 */
export const volcengineQualityIndicators = {
  join_room_success_rate: {
    indicator: "join_room_success_rate",
    description: "Room-join success rate within a join-time threshold (default 5 s)",
    series: [
      percent(
        "5s_join_room_success_rate",
        "Joins that succeeded within 5 s / join attempts",
        "documented",
        `${quality}; ${src.listRealTimeQuality} (example reply)`,
      ),
      percent(
        "10s_join_room_success_rate",
        "Joins that succeeded within 10 s / join attempts (≥ the 5 s rate)",
        "documented",
        `${src.listRealTimeQuality} (example reply)`,
      ),
    ],
    fidelity: "documented",
    source: quality,
  },
  stall_rate: {
    indicator: "stall_rate",
    description: "Share of call time stalled; audio (80 ms threshold) and video (500 ms) come back separately",
    series: [
      percent("audio_stall_rate", "Audio stall rate, default threshold 80 ms (low is good)"),
      percent("video_stall_rate", "Video stall rate, default threshold 500 ms (low is good)"),
    ],
    otherDocumentedNames: ["80ms_audio_stall_rate"],
    fidelity: "documented",
    source: quality,
  },
  first_frame_send_success_rate: {
    indicator: "first_frame_send_success_rate",
    description: "First-frame send success rate, split by media",
    series: [
      percent("audio_first_frame_send_success_rate", "Audio first-frame send success rate"),
      percent("video_first_frame_send_success_rate", "Video first-frame send success rate"),
    ],
    fidelity: "documented",
    source: quality,
  },
  first_frame_recv_success_rate: {
    indicator: "first_frame_recv_success_rate",
    description: "First-frame receive (decode) success rate, split by media",
    series: [
      percent("audio_first_frame_recv_success_rate", "Audio first-frame decode success rate"),
      percent("video_first_frame_recv_success_rate", "Video first-frame decode success rate"),
    ],
    fidelity: "documented",
    source: quality,
  },
  network_trans_delay: {
    indicator: "network_trans_delay",
    description: "Share of call time whose end-to-end transport delay stays under the threshold (default 400 ms), split by media",
    series: [
      percent("audio_network_trans_delay", "Audio: share of time with transport delay under 400 ms"),
      percent("video_network_trans_delay", "Video: share of time with transport delay under 400 ms"),
    ],
    otherDocumentedNames: ["400ms_network_trans_delay"],
    fidelity: "documented",
    source: quality,
  },
} as const satisfies Record<string, VolcengineIndicatorDefinition>;

const realtime = `${src.indicators}#realtime`;

/**
 * Realtime operation indicators of ListRealTimeOperationData. Only the two in the doc example are
 * known (https://volcengine.com/docs/6348/1219551); the #realtime table on 1167931 could not be read,
 * so other values are left out (the fake server rejects them). The 2023-11-01 reply shows no Unit.
 */
export const volcengineRealtimeOperationIndicators = {
  online_user_count: {
    indicator: "online_user_count",
    description: "Users online in the AppId at the bucket start",
    series: [
      {
        name: "online_user_count",
        unit: "users",
        unitOnWire: false,
        description: "Online users",
        fidelity: "documented",
        source: src.listRealTimeOperationData,
        note: "unit not on the wire in the 2023-11-01 example; 'users' is a label",
      },
    ],
    fidelity: "documented",
    source: `${src.listRealTimeOperationData}; ${realtime}`,
  },
  online_room_count: {
    indicator: "online_room_count",
    description: "Rooms with at least one user at the bucket start (never more than online_user_count)",
    series: [
      {
        name: "online_room_count",
        unit: "rooms",
        unitOnWire: false,
        description: "Online rooms",
        fidelity: "documented",
        source: src.listRealTimeOperationData,
        note: "unit not on the wire in the 2023-11-01 example; 'rooms' is a label",
      },
    ],
    fidelity: "documented",
    source: `${src.listRealTimeOperationData}; ${realtime}`,
  },
} as const satisfies Record<string, VolcengineIndicatorDefinition>;

const offline = `${src.indicators}#indicator`;

/**
 * Offline operation indicators of ListOperationData. `per_call_time` and `avg_call_time` appear only
 * in the doc examples (https://volcengine.com/docs/6348/1219547); their meaning and unit could not be
 * read, so minutes is assumed. `user_count` starts the #indicator table on 1167931 and is defined on
 * ListOperationDistribution; that ListOperationData accepts it is assumed.
 */
export const volcengineOfflineOperationIndicators = {
  per_call_time: {
    indicator: "per_call_time",
    description: "Call minutes per user in the bucket (人均通话时长; meaning inferred from the name)",
    series: [
      {
        name: "per_call_time",
        unit: "min",
        unitOnWire: false,
        description: "Minutes per user",
        fidelity: "assumed",
        source: "Only the name is documented (example in 1219547); meaning and unit inferred from the name",
      },
    ],
    fidelity: "documented",
    source: `${src.listOperationData} (example request and reply)`,
    note: "meaning and unit assumed",
  },
  avg_call_time: {
    indicator: "avg_call_time",
    description: "Average duration of one call (session) in the bucket (meaning inferred from the name)",
    series: [
      {
        name: "avg_call_time",
        unit: "min",
        unitOnWire: false,
        description: "Minutes per call",
        fidelity: "assumed",
        source: "Only the name is documented (example in 1219547); meaning and unit inferred from the name",
      },
    ],
    fidelity: "documented",
    source: `${src.listOperationData} (example request and reply)`,
    note: "meaning and unit assumed",
  },
  user_count: {
    indicator: "user_count",
    description: "Distinct call users of the AppId in the bucket, de-duplicated by user id",
    series: [
      {
        name: "user_count",
        unit: "users",
        unitOnWire: false,
        description: "Distinct users",
        fidelity: "documented",
        source: src.listOperationDistribution,
      },
    ],
    fidelity: "assumed",
    source: `Defined on ${src.listOperationDistribution} and at the start of ${offline}; that ListOperationData accepts it is not confirmed`,
  },
} as const satisfies Record<string, VolcengineIndicatorDefinition>;

/** Request values of each catalog, by action. */
export const volcengineIndicatorsByAction = {
  ListRealTimeOperationData: volcengineRealtimeOperationIndicators,
  ListOperationData: volcengineOfflineOperationIndicators,
  ListRealTimeQuality: volcengineQualityIndicators,
} as const;
