import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { endpointById } from "../../schemas/registry.js";
import {
  DescribeRoomStatisticsHeaders,
  DescribeRoomStatisticsRequest,
  DescribeRoomStatisticsResponse,
  MemberRecord,
  TencentErrorResponse,
  memberDevices,
  memberRoles,
  memberStates,
  tencentEndpoints,
  tencentErrors,
} from "../../schemas/tencent/index.js";

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../schemas/tencent/fixtures/${name}`, import.meta.url), "utf8"));
const exampleRequest = fixture("describe-room-statistics.request.json") as Record<string, unknown>;
const exampleResponse = fixture("describe-room-statistics.response.json") as {
  Response: Record<string, unknown> & { MemberRecords: Record<string, unknown>[] };
};
const exampleRecord = exampleResponse.Response.MemberRecords[0]!;

const fullRecord = {
  ...exampleRecord,
  PerMemberMicCount: 2,
  PerMemberMessageCount: 5,
  Role: 0,
  GroupId: "",
  SubGroupId: null,
  Stage: null,
  CurrentState: 2,
};

describe("Tencent contract: fixtures from the vendor doc", () => {
  it("the example request passes the request schema", () => {
    expect(DescribeRoomStatisticsRequest.parse(exampleRequest)).toEqual({ RoomId: 1, Page: 1, Limit: 1 });
  });

  it("the example response passes the response schema and keeps the vendor spelling Rewords", () => {
    const parsed = DescribeRoomStatisticsResponse.parse(exampleResponse);
    expect(parsed.Response.MemberRecords[0]!.Rewords).toBe(1);
    expect(parsed.Response.RequestId).toBe("xx");
  });

  it("a record with all 21 fields passes, with null SubGroupId and Stage", () => {
    const parsed = MemberRecord.parse(fullRecord);
    expect(Object.keys(parsed)).toHaveLength(21);
  });

  it("the error envelope accepts the documented shape", () => {
    const body = { Response: { Error: { Code: "ResourceNotFound.Room", Message: "The room does not exist." }, RequestId: "ed93f3cb-1" } };
    expect(TencentErrorResponse.parse(body)).toEqual(body);
    expect(TencentErrorResponse.safeParse({ Response: { RequestId: "x" } }).success).toBe(false);
  });

  it("the headers schema accepts what the SDK sends and rejects a wrong version", () => {
    const headers = {
      "X-TC-Action": "DescribeRoomStatistics",
      "X-TC-Version": "2022-08-17",
      "X-TC-Timestamp": "1700000000",
      Authorization:
        "TC3-HMAC-SHA256 Credential=AKID/2023-11-14/lcic/tc3_request, SignedHeaders=content-type;host, Signature=" + "0".repeat(64),
      "Content-Type": "application/json",
    };
    expect(DescribeRoomStatisticsHeaders.safeParse(headers).success).toBe(true);
    expect(DescribeRoomStatisticsHeaders.safeParse({ ...headers, "X-TC-Version": "2020-01-01" }).success).toBe(false);
    expect(DescribeRoomStatisticsHeaders.safeParse({ ...headers, "X-TC-Language": "fr-FR" }).success).toBe(false);
  });
});

describe("Tencent contract: rejections", () => {
  const request = (patch: Record<string, unknown>) => ({ ...exampleRequest, ...patch });

  it("rejects Limit above 1000 and accepts 1000", () => {
    expect(DescribeRoomStatisticsRequest.safeParse(request({ Limit: 1001 })).success).toBe(false);
    expect(DescribeRoomStatisticsRequest.safeParse(request({ Limit: 1000 })).success).toBe(true);
  });

  it("rejects Page 0, a missing field, a wrong type, a fraction and an unknown key", () => {
    expect(DescribeRoomStatisticsRequest.safeParse(request({ Page: 0 })).success).toBe(false);
    const { RoomId: _dropped, ...withoutRoomId } = exampleRequest;
    expect(DescribeRoomStatisticsRequest.safeParse(withoutRoomId).success).toBe(false);
    expect(DescribeRoomStatisticsRequest.safeParse(request({ RoomId: "1" })).success).toBe(false);
    expect(DescribeRoomStatisticsRequest.safeParse(request({ Limit: 1.5 })).success).toBe(false);
    expect(DescribeRoomStatisticsRequest.safeParse(request({ Offset: 0 })).success).toBe(false);
  });

  it("rejects a member record with Device 9, Role 4 or CurrentState 6, and accepts every catalog value", () => {
    expect(MemberRecord.safeParse({ ...fullRecord, Device: 9 }).success).toBe(false);
    expect(MemberRecord.safeParse({ ...fullRecord, Role: 4 }).success).toBe(false);
    expect(MemberRecord.safeParse({ ...fullRecord, CurrentState: 6 }).success).toBe(false);
    for (const d of memberDevices) expect(MemberRecord.safeParse({ ...fullRecord, Device: d.value }).success).toBe(true);
    for (const r of memberRoles) expect(MemberRecord.safeParse({ ...fullRecord, Role: r.value }).success).toBe(true);
    for (const s of memberStates) expect(MemberRecord.safeParse({ ...fullRecord, CurrentState: s.value }).success).toBe(true);
    expect(memberDevices.map((d) => d.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(memberRoles.map((d) => d.value)).toEqual([0, 1, 2, 3]);
    expect(memberStates.map((d) => d.value)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("rejects a response with a missing field, a wrong type or a mistyped record", () => {
    const { MicCount: _m, ...missing } = exampleResponse.Response;
    expect(DescribeRoomStatisticsResponse.safeParse({ Response: missing }).success).toBe(false);
    expect(DescribeRoomStatisticsResponse.safeParse({ Response: { ...exampleResponse.Response, Total: "1" } }).success).toBe(false);
    expect(
      DescribeRoomStatisticsResponse.safeParse({
        Response: { ...exampleResponse.Response, MemberRecords: [{ ...exampleRecord, PresentTime: -1 }] },
      }).success,
    ).toBe(false);
    // RealStartTime / RealEndTime may be null ("may return null").
    expect(
      DescribeRoomStatisticsResponse.safeParse({ Response: { ...exampleResponse.Response, RealStartTime: null, RealEndTime: null } })
        .success,
    ).toBe(true);
  });
});

describe("Tencent registry entry and catalogs", () => {
  it("registers DescribeRoomStatistics with header routing on the production host", () => {
    const endpoint = endpointById("tencent.DescribeRoomStatistics");
    expect(endpoint).toBe(tencentEndpoints[0]);
    expect(endpoint).toMatchObject({
      vendor: "tencent",
      action: "DescribeRoomStatistics",
      version: "2022-08-17",
      method: "POST",
      host: "lcic.tencentcloudapi.com",
      actionCarrier: "header",
      docUrl: "https://www.tencentcloud.com/document/api/1168/52791",
    });
    expect(endpoint!.limits.rate).toEqual([expect.objectContaining({ limit: 20, windowMs: 1000, scope: "credential" })]);
    expect(endpoint!.limits.maxPageSize?.value).toBe(1000);
  });

  it("every schema converts to JSON Schema", () => {
    for (const schema of [
      DescribeRoomStatisticsRequest,
      DescribeRoomStatisticsResponse,
      TencentErrorResponse,
      DescribeRoomStatisticsHeaders,
    ]) {
      expect(() => z.toJSONSchema(schema)).not.toThrow();
    }
    const request = z.toJSONSchema(DescribeRoomStatisticsRequest) as unknown as {
      properties: { Limit: { maximum: number } };
      additionalProperties: boolean;
    };
    expect(request.properties.Limit.maximum).toBe(1000);
    expect(request.additionalProperties).toBe(false);
    const record = z.toJSONSchema(MemberRecord) as unknown as { properties: { Device: { enum: number[] } } };
    expect(record.properties.Device.enum).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("catalogs every documented DescribeRoomStatistics code, all with HTTP 200, a source and a trigger", () => {
    for (const code of [
      "FailedOperation",
      "FailedOperation.RoomNotEnd",
      "InternalError",
      "ResourceNotFound.Room",
      "ResourceUnavailable.RoomStatistics",
    ]) {
      expect(tencentErrors).toHaveProperty([code]);
    }
    for (const [key, entry] of Object.entries(tencentErrors)) {
      expect(entry.code).toBe(key);
      expect(entry.httpStatus).toBe(200);
      expect(entry.source.length).toBeGreaterThan(10);
      expect(entry.trigger.length).toBeGreaterThan(10);
      if (entry.fidelity === "documented") expect(entry.source).toMatch(/https:\/\/|sdk:/);
    }
    expect(tencentErrors.RequestLimitExceeded.message).toContain("Your current request times equals to `%s` in a second");
    expect(tencentErrors.UnknownParameter.message).toBe("The parameter `%s` is not recognized.");
  });
});
