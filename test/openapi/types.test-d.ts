/**
 * The types generated from the OpenAPI documents (openapi-typescript) and the types Zod infers
 * from the schemas they were generated from must agree: both are views of the one contract.
 */
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { components as Volcengine } from "../../schemas/openapi/types/volcengine.js";
import type { components as Zego, operations as ZegoOperations } from "../../schemas/openapi/types/zego.js";
import type { components as Tencent } from "../../schemas/openapi/types/tencent.js";
import type {
  ListOperationDataRequest,
  ListOperationDataResponse,
  ListRealTimeOperationDataRequest,
  ListRealTimeOperationDataResponse,
  ListRealTimeQualityRequest,
  ListRealTimeQualityResponse,
  VolcengineErrorResponse,
} from "../../schemas/volcengine/index.js";
import type { GetRealtimeUsageQuery, GetRealtimeUsageResponse, ZegoErrorResponse } from "../../schemas/zego/index.js";
import type { DescribeRoomStatisticsRequest, DescribeRoomStatisticsResponse, TencentErrorResponse } from "../../schemas/tencent/index.js";

/**
 * Zod writes loose objects as `{…} & {[k: string]: unknown}` and openapi-typescript the same, but
 * expect-type compares intersections with index signatures unreliably; flattening both into plain
 * object types keeps the comparison exact (and it still fails on a renamed or retyped field, below).
 */
type Flat<T> = T extends readonly (infer U)[] ? Flat<U>[] : T extends object ? { [K in keyof T]: Flat<T[K]> } : T;

type V = Volcengine["schemas"];
type Z = Zego["schemas"];
type T = Tencent["schemas"];

describe("generated OpenAPI types agree with the Zod schemas", () => {
  it("Volcengine", () => {
    expectTypeOf<Flat<z.input<typeof ListRealTimeOperationDataRequest>>>().toEqualTypeOf<Flat<V["ListRealTimeOperationDataRequest"]>>();
    expectTypeOf<Flat<z.input<typeof ListRealTimeOperationDataResponse>>>().toEqualTypeOf<Flat<V["ListRealTimeOperationDataResponse"]>>();
    expectTypeOf<Flat<z.input<typeof ListOperationDataRequest>>>().toEqualTypeOf<Flat<V["ListOperationDataRequest"]>>();
    expectTypeOf<Flat<z.input<typeof ListOperationDataResponse>>>().toEqualTypeOf<Flat<V["ListOperationDataResponse"]>>();
    expectTypeOf<Flat<z.input<typeof ListRealTimeQualityRequest>>>().toEqualTypeOf<Flat<V["ListRealTimeQualityRequest"]>>();
    expectTypeOf<Flat<z.input<typeof ListRealTimeQualityResponse>>>().toEqualTypeOf<Flat<V["ListRealTimeQualityResponse"]>>();
    expectTypeOf<Flat<z.input<typeof VolcengineErrorResponse>>>().toEqualTypeOf<Flat<V["VolcengineErrorResponse"]>>();
  });

  it("ZEGO", () => {
    expectTypeOf<Flat<z.input<typeof GetRealtimeUsageQuery>>>().toEqualTypeOf<
      Flat<ZegoOperations["GetRealtimeUsage"]["parameters"]["query"]>
    >();
    expectTypeOf<Flat<z.input<typeof GetRealtimeUsageResponse>>>().toEqualTypeOf<Flat<Z["GetRealtimeUsageResponse"]>>();
    expectTypeOf<Flat<z.input<typeof ZegoErrorResponse>>>().toEqualTypeOf<Flat<Z["ZegoErrorResponse"]>>();
  });

  it("Tencent", () => {
    expectTypeOf<Flat<z.input<typeof DescribeRoomStatisticsRequest>>>().toEqualTypeOf<Flat<T["DescribeRoomStatisticsRequest"]>>();
    expectTypeOf<Flat<z.input<typeof DescribeRoomStatisticsResponse>>>().toEqualTypeOf<Flat<T["DescribeRoomStatisticsResponse"]>>();
    expectTypeOf<Flat<z.input<typeof TencentErrorResponse>>>().toEqualTypeOf<Flat<T["TencentErrorResponse"]>>();
  });

  it("a difference would be caught", () => {
    // The check is not vacuous: a schema with one field renamed does not match.
    type Renamed = Omit<V["ListRealTimeQualityRequest"], "AppId"> & { AppID: string };
    expectTypeOf<Flat<z.input<typeof ListRealTimeQualityRequest>>>().not.toEqualTypeOf<Flat<Renamed>>();
    type Retyped = Omit<V["ListRealTimeOperationDataResponse"], "Result"> & {
      Result: { Indicators: { Name: string; Data: { TimeStamp: number; Value: number }[] }[] };
    };
    expectTypeOf<Flat<z.input<typeof ListRealTimeOperationDataResponse>>>().not.toEqualTypeOf<Flat<Retyped>>();
  });
});
