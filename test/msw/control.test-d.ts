import { describe, expectTypeOf, it } from "vitest";
import { createRtcHandlers, type RtcControl, type VendorAction, type VendorErrorCode } from "../../mocks/msw/index.js";

// Type-level only: the control API is typed from the registry tuple and the error catalogs, so a
// wrong vendor, action or error code does not compile. Each @ts-expect-error fails the type check
// if the line below it ever starts to compile.
const control: RtcControl = createRtcHandlers({ vendorHosts: false }).control;

describe("vendor → action and vendor → error-code types", () => {
  it("derives each vendor's actions from the registry", () => {
    expectTypeOf<VendorAction<"volcengine">>().toEqualTypeOf<"ListRealTimeOperationData" | "ListOperationData" | "ListRealTimeQuality">();
    expectTypeOf<VendorAction<"zego">>().toEqualTypeOf<"GetRealtimeUsage">();
    expectTypeOf<VendorAction<"tencent">>().toEqualTypeOf<"DescribeRoomStatistics">();
  });

  it("derives each vendor's codes from its catalog", () => {
    expectTypeOf<"FailedOperation.RoomNotEnd">().toExtend<VendorErrorCode<"tencent">>();
    expectTypeOf<"ResourceNotFound.Room">().toExtend<VendorErrorCode<"tencent">>();
    expectTypeOf<"30002">().toExtend<VendorErrorCode<"zego">>();
    expectTypeOf<"10001">().toExtend<VendorErrorCode<"zego">>();
    expectTypeOf<"FlowLimitExceeded.QPSOverLimit">().toExtend<VendorErrorCode<"volcengine">>();
    expectTypeOf<"FailedOperation.RoomNotEnd">().not.toExtend<VendorErrorCode<"volcengine">>();
    expectTypeOf<"30002">().not.toExtend<VendorErrorCode<"tencent">>();
    expectTypeOf<string>().not.toExtend<VendorErrorCode<"zego">>();
  });
});

describe("control calls", () => {
  it("accepts the vendor's own actions and codes", () => {
    expectTypeOf(control.forceError).toBeCallableWith({
      vendor: "tencent",
      action: "DescribeRoomStatistics",
      code: "FailedOperation.RoomNotEnd",
      times: 1,
    });
    expectTypeOf(control.forceError).toBeCallableWith({ vendor: "zego", code: "30002" });
    expectTypeOf(control.forceError).toBeCallableWith({
      vendor: "volcengine",
      action: "ListRealTimeQuality",
      code: "FlowLimitExceeded.QPSOverLimit",
    });
    expectTypeOf(control.throttle).toBeCallableWith({ vendor: "volcengine", action: "ListOperationData", times: 2 });
    expectTypeOf(control.latency).toBeCallableWith({ ms: 100 });
    expectTypeOf(control.networkError).toBeCallableWith({ vendor: "zego", action: "GetRealtimeUsage" });
  });

  it("rejects a code from another vendor's catalog", () => {
    // @ts-expect-error RoomNotEnd is a Tencent code, not a Volcengine one
    control.forceError({ vendor: "volcengine", action: "ListOperationData", code: "FailedOperation.RoomNotEnd" });
    // @ts-expect-error ZEGO codes are the decimal text of Code, and 30002 is not a Tencent code
    control.forceError({ vendor: "tencent", code: "30002" });
    // @ts-expect-error ZEGO codes are strings ("30002"), not numbers
    control.forceError({ vendor: "zego", code: 30002 });
    // @ts-expect-error no such code anywhere
    control.forceError({ vendor: "tencent", action: "DescribeRoomStatistics", code: "FailedOperation.RoomNotEnded" });
  });

  it("rejects an action of another vendor or an unknown one", () => {
    // @ts-expect-error GetRealtimeUsage is a ZEGO action
    control.forceError({ vendor: "tencent", action: "GetRealtimeUsage", code: "InternalError" });
    // @ts-expect-error misspelt action
    control.throttle({ vendor: "volcengine", action: "ListRealtimeQuality" });
    // @ts-expect-error an action needs its vendor
    control.latency({ action: "DescribeRoomStatistics", ms: 10 });
    // @ts-expect-error unknown vendor
    control.networkError({ vendor: "agora" });
  });

  it("requires the fields each effect needs", () => {
    // @ts-expect-error forceError needs a code
    control.forceError({ vendor: "zego" });
    // @ts-expect-error latency needs ms
    control.latency({ vendor: "zego" });
  });
});

describe("control.requests filters", () => {
  it("accepts an action alone, or one with its vendor, and the other filters", () => {
    expectTypeOf(control.requests).toBeCallableWith();
    expectTypeOf(control.requests).toBeCallableWith({ action: "ListRealTimeQuality" });
    expectTypeOf(control.requests).toBeCallableWith({
      vendor: "tencent",
      action: "DescribeRoomStatistics",
      errorCode: "FailedOperation.RoomNotEnd",
    });
    expectTypeOf(control.requests).toBeCallableWith({ vendor: "zego", tenant: "1234567890", status: 200, after: 3, limit: 10 });
    expectTypeOf(control.requests).toBeCallableWith({ errorCode: "30002" });
    expectTypeOf(control.requests({ action: "GetRealtimeUsage" })[0]!.request.query).toEqualTypeOf<Record<string, string | string[]>>();
  });

  it("rejects another vendor's action or code, and an unknown one", () => {
    // @ts-expect-error ListRealTimeQuality is a Volcengine action
    control.requests({ vendor: "zego", action: "ListRealTimeQuality" });
    // @ts-expect-error 30002 is a ZEGO code
    control.requests({ vendor: "tencent", errorCode: "30002" });
    // @ts-expect-error misspelt action
    control.requests({ action: "ListRealtimeQuality" });
    // @ts-expect-error status is a number
    control.requests({ status: "200" });
  });
});
