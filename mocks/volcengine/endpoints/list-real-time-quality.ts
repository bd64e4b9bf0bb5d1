import type { listRealTimeQualityLimits } from "../../../schemas/volcengine/limits.js";
import { volcengineQualityIndicators } from "../../../schemas/volcengine/indicators.js";
import { volcengineEndpoints } from "../../../schemas/volcengine/index.js";
import { ListRealTimeQualityRequest } from "../../../schemas/volcengine/list-real-time-quality.js";
import { volcengineSources as src } from "../../../schemas/volcengine/sources.js";
import type { EndpointId } from "../../../schemas/registry.js";
import type { Behaviour } from "../../core/behaviour.js";
import type { LedgerEntry } from "../../ledger.js";
import { otherGenerationRule } from "../generations.js";
import type { VolcengineBackend } from "../backend.js";
import { beijingTime, EXAMPLE_APP_ID, volcengineExample } from "../example.js";
import { readJsonBody, validateBody } from "../parse-body.js";
import { LEGAL_RTC_ID, parseCommonQuery, type VolcengineQuery } from "../query.js";
import { bucketStarts, buildSeries, timeAxis, unknownApp, windowRulesOf, type WireSeries } from "../series-builder.js";

const FIELDS = Object.keys(ListRealTimeQualityRequest.shape);

/** Parsed ListRealTimeQuality request. */
export interface ListRealTimeQualityInput extends VolcengineQuery {
  /** Absent (or empty on the wire): app-wide data. */
  roomId?: string;
  /** Valid user ids, only kept when a RoomId is given. */
  userIds: string[];
  productType: "native" | "web";
}

/**
 * ListRealTimeQuality (https://volcengine.com/docs/6348/124668): each requested indicator comes back
 * as its named series (e.g. join_room_success_rate → 5s_… and 10s_…), unit %, 30 s buckets, values in
 * 0–100 from the seeded quality model of the app or room. RoomId optional (an empty one means
 * app-wide; an illegal one → InvalidParameter.IllegalRoomID, assumed rule), UserId at most 20
 * (schema), invalid ids dropped ("值不合法时默认剔除") and ignored without RoomId. RoomId and the valid
 * UserIds are echoed (omitted when empty, as the Go SDK's omitempty fields would be).
 */
/** The behaviour at one API generation (both are served; their request, reply and limits are the same). */
function listRealTimeQualityAt<Id extends EndpointId>(
  endpoint: { id: Id; action: string; version: string; limits: typeof listRealTimeQualityLimits },
  ledger: readonly LedgerEntry[],
): Behaviour<Id, VolcengineBackend, ListRealTimeQualityInput> {
  const ACTION = endpoint.action;
  return {
    id: endpoint.id,

    parse(request, ctx) {
      const json = readJsonBody(request, ctx.options.volcengine.nullAsAbsent);
      if ("error" in json) return json;
      const body = validateBody(ListRealTimeQualityRequest, json.json, FIELDS, ctx.options.volcengine.rejectUnknownFields);
      if ("error" in body) return body;
      const query = parseCommonQuery(body.value, volcengineQualityIndicators, ACTION);
      if ("error" in query) return query;
      const roomId = body.value.RoomId === undefined || body.value.RoomId === "" ? undefined : body.value.RoomId;
      if (roomId !== undefined && !LEGAL_RTC_ID.test(roomId))
        return { error: { code: "InvalidParameter.IllegalRoomID", args: [roomId.slice(0, 128)] } };
      const userIds = roomId === undefined ? [] : [...new Set((body.value.UserId ?? []).filter((id) => LEGAL_RTC_ID.test(id)))];
      const input: ListRealTimeQualityInput = {
        ...query,
        userIds,
        productType: body.value.ProductType ?? "native",
        ...(roomId !== undefined ? { roomId } : {}),
      };
      return { input, tenant: query.appId };
    },

    resolve(input, ctx) {
      const missing = unknownApp(input.appId, ctx);
      if (missing !== null) return { error: missing };
      const axis = timeAxis(input.start, input.end, windowRulesOf(endpoint.limits, endpoint.limits.bucketMs.value), ctx);
      if ("error" in axis) return axis;
      const { appId, roomId, userIds } = input;
      const names = input.indicators.map((indicator) => indicator.indicator);
      return {
        // The data depends only on the AppId, RoomId, echoed UserIds, product type, indicators and the bucket axis.
        cacheKey: JSON.stringify([appId, roomId ?? null, userIds, input.productType, names, axis.key]),
        data: () => {
          const Indicators: WireSeries[] = [];
          for (const indicator of input.indicators) {
            for (const series of indicator.series) {
              Indicators.push(buildSeries(series, axis, ctx.backend.world.quality(series.name, appId, roomId, bucketStarts(axis))));
            }
          }
          return { ...(roomId !== undefined ? { RoomId: roomId } : {}), ...(userIds.length > 0 ? { UserId: userIds } : {}), Indicators };
        },
      };
    },

    example: (now) =>
      volcengineExample(ACTION, endpoint.version, {
        AppId: EXAMPLE_APP_ID,
        StartTime: beijingTime(now - 3_600_000),
        EndTime: beijingTime(now),
        Indicator: ["stall_rate", "join_room_success_rate", "network_trans_delay"],
      }),

    ledger,
  };
}

/** The rules of this action (docs/FIDELITY.md), stated once for both generations. */
const rules: readonly LedgerEntry[] = [
  {
    vendor: "volcengine",
    action: volcengineEndpoints[2].action,
    rule: "Lookback 60 min, max span 60 min, data delay 1 min, 30 s buckets.",
    fidelity: "documented",
    source: src.listRealTimeQuality,
  },
  {
    vendor: "volcengine",
    action: volcengineEndpoints[2].action,
    rule: "Each quality indicator comes back as its named series: join_room_success_rate → 5s_/10s_join_room_success_rate, stall_rate → audio_/video_stall_rate, first_frame_send/recv_success_rate and network_trans_delay → audio_/video_ variants; Unit '%'.",
    fidelity: "documented",
    source: `${src.indicators}#listquality; ${src.listRealTimeQuality} (example)`,
  },
  {
    vendor: "volcengine",
    action: volcengineEndpoints[2].action,
    rule: "Quality values lie in 0–100: success rates mostly 97–99.8 %, stall rates mostly under 3 %, worse at peak load and during seeded 10-minute incidents (~2 % of the time); 10 s join success ≥ 5 s join success.",
    fidelity: "assumed",
    source: "Levels are the fake's, chosen to look like a healthy production app.",
  },
  {
    vendor: "volcengine",
    action: volcengineEndpoints[2].action,
    rule: "Without RoomId the data is app-wide; with it, the room's own (noisier) series. RoomId must match [A-Za-z0-9_@.-]{1,128} (else InvalidParameter.IllegalRoomID); an empty RoomId means app-wide.",
    fidelity: "documented",
    source: `${src.listRealTimeQuality} (RoomId optional, app-wide without it); the id pattern is assumed from the Go SDK model comments`,
  },
  {
    vendor: "volcengine",
    action: volcengineEndpoints[2].action,
    rule: "UserId: at most 20 (more → InvalidParameter); invalid ids are dropped, duplicates removed; only used with RoomId; the valid ones are echoed, and RoomId/UserId are omitted from the Result when empty.",
    fidelity: "documented",
    source: `${src.listRealTimeQuality} ('最多可以指定 20 个。值不合法时默认剔除。此字段仅在 RoomID 不为空时生效'); rejecting 21 and omitting empty echoes (Go SDK omitempty) are assumed`,
  },
  {
    vendor: "volcengine",
    action: volcengineEndpoints[2].action,
    rule: "UserId and ProductType do not change the values (the series is a function of AppId/RoomId, indicator and bucket only).",
    fidelity: "assumed",
    source: "The fake has no per-user or per-platform data model.",
  },
];

export const listRealTimeQuality = listRealTimeQualityAt(volcengineEndpoints[2], rules);

/** The same action at the other API generation. */
export const listRealTimeQuality20231101 = listRealTimeQualityAt(volcengineEndpoints[5], [
  otherGenerationRule(volcengineEndpoints[5], volcengineEndpoints[2].version),
]);
