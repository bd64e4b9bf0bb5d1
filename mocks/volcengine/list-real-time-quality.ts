import { volcengineQualityIndicators } from "../../schemas/volcengine/indicators.js";
import type { listRealTimeQualityLimits } from "../../schemas/volcengine/limits.js";
import { ListRealTimeQualityRequest } from "../../schemas/volcengine/list-real-time-quality.js";
import type { EngineContext } from "../engine-context.js";
import type { Parsed, Resolved } from "../core/vendor.js";
import { validateBody } from "./parse-body.js";
import { LEGAL_RTC_ID, parseCommonQuery, type VolcengineQuery } from "./query.js";
import { cachedResult, queryKeyOf } from "./result-cache.js";
import { rtcWorldOf } from "./rtc-world.js";
import { buildSeries, timeAxis, unknownApp, windowRulesOf, type WireSeries } from "./series-builder.js";

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
 * Parses a ListRealTimeQuality body (https://volcengine.com/docs/6348/124668): RoomId optional (an
 * empty one means app-wide; an illegal one → InvalidParameter.IllegalRoomID, assumed rule), UserId
 * at most 20 (schema), invalid ids dropped ("值不合法时默认剔除") and ignored without RoomId.
 */
export function parseListRealTimeQuality(json: Record<string, unknown>, ctx: EngineContext): Parsed {
  const body = validateBody(ListRealTimeQualityRequest, json, FIELDS, ctx.options.volcengine.rejectUnknownFields);
  if ("error" in body) return body;
  const query = parseCommonQuery(body.value, volcengineQualityIndicators, "ListRealTimeQuality");
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
}

/**
 * ListRealTimeQuality: each requested indicator comes back as its named series (e.g.
 * join_room_success_rate → 5s_… and 10s_…), unit %, 30 s buckets, values in 0–100 from the seeded
 * quality model of the app or room. RoomId and the valid UserIds are echoed (omitted when empty,
 * as the Go SDK's omitempty fields would be).
 */
export function resolveListRealTimeQuality(
  input: ListRealTimeQualityInput,
  limits: typeof listRealTimeQualityLimits,
  ctx: EngineContext,
): Resolved {
  const missing = unknownApp(input.appId, ctx);
  if (missing !== null) return { error: missing };
  const axis = timeAxis(input.start, input.end, windowRulesOf(limits, limits.bucketMs.value), ctx);
  if ("error" in axis) return axis;
  const world = rtcWorldOf(ctx.world);
  const { appId, roomId } = input;
  // The result depends only on the AppId, RoomId, echoed UserIds, product type, indicators and the bucket axis.
  const key =
    queryKeyOf(input, () =>
      JSON.stringify([
        "ListRealTimeQuality",
        appId,
        roomId ?? null,
        input.userIds,
        input.productType,
        input.indicators.map((i) => i.indicator),
      ]),
    ) + axis.key;
  const result = cachedResult(ctx.world, key, () => {
    const Indicators: WireSeries[] = [];
    for (const indicator of input.indicators) {
      for (const series of indicator.series) {
        Indicators.push(buildSeries(series, axis, world.quality(series.name, appId, roomId, axis.buckets)));
      }
    }
    return {
      ...(roomId !== undefined ? { RoomId: roomId } : {}),
      ...(input.userIds.length > 0 ? { UserId: input.userIds } : {}),
      Indicators,
    };
  });
  return { result };
}
