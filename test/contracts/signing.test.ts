import { describe, expect, it } from "vitest";
import { demoContractCredentials } from "../../contracts/credentials.js";
import type { ContractRequest } from "../../contracts/exchange.js";
import { signedAt } from "../../contracts/proxy/signing-time.js";
import { signRequest, stripSignature } from "../../contracts/signing.js";
import { zegoSignature } from "../../schemas/zego/signing.js";

const base = new URL("http://127.0.0.1:4010/");
const at = Date.parse("2024-01-02T03:04:05Z");
const credentials = demoContractCredentials();

const volc: ContractRequest = {
  method: "POST",
  path: "/?Action=ListRealTimeQuality&Version=2020-12-01",
  headers: { "content-type": "application/json" },
  body: '{"AppId":"a"}',
};
const zego: ContractRequest = {
  method: "GET",
  path: "/?Action=GetRealtimeUsage&AppId=1234567890&Metrics[]=online_user&StartTs=1&EndTs=0",
  headers: {},
  body: "",
};
const tencent: ContractRequest = {
  method: "POST",
  path: "/",
  headers: { "content-type": "application/json", "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" },
  body: '{"RoomId":1,"Page":1,"Limit":10}',
};

describe("signing for a target", () => {
  it("adds Volcengine's X-Date, X-Content-Sha256 and Authorization at the given instant", () => {
    const signed = signRequest(volc, "volcengine", base, credentials, at);
    expect(signed.headers["x-date"]).toBe("20240102T030405Z");
    expect(signed.headers.authorization).toMatch(
      /^HMAC-SHA256 Credential=AKLTdemo0+\/20240102\/cn-north-1\/rtc\/request, SignedHeaders=x-content-sha256;x-date, Signature=[0-9a-f]{64}$/,
    );
    expect(signedAt(signed, "volcengine")).toBe(at);
  });

  it("adds ZEGO's parameters after the business ones, keeping the raw Metrics[] spelling, with the documented md5", () => {
    const signed = signRequest(zego, "zego", base, credentials, at);
    const params = new URL(signed.path, base).searchParams;
    expect(
      signed.path.startsWith("/?Action=GetRealtimeUsage&Metrics[]=online_user&StartTs=1&EndTs=0&AppId=1234567890&SignatureNonce="),
    ).toBe(true);
    expect(params.get("Timestamp")).toBe(String(at / 1000));
    expect(params.get("Signature")).toBe(
      zegoSignature("1234567890", params.get("SignatureNonce")!, credentials.zego!.serverSecret, at / 1000),
    );
    expect(signedAt(signed, "zego")).toBe(at);
  });

  it("adds Tencent's Authorization and X-TC-Timestamp", () => {
    const signed = signRequest(tencent, "tencent", base, credentials, at);
    expect(signed.headers["x-tc-timestamp"]).toBe(String(at / 1000));
    expect(signed.headers.authorization).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDdemo0+\/2024-01-02\/127\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/,
    );
  });

  it("spoils signatures on purpose for the signature cases", () => {
    const good = signRequest(volc, "volcengine", base, credentials, at);
    const tampered = signRequest(volc, "volcengine", base, credentials, at, "tampered");
    expect(tampered.headers.authorization).not.toBe(good.headers.authorization);
    expect(tampered.headers.authorization!.slice(0, -1)).toBe(good.headers.authorization!.slice(0, -1));
    expect(signRequest(volc, "volcengine", base, credentials, at, "unsigned").headers.authorization).toBeUndefined();
    expect(signRequest(volc, "volcengine", base, credentials, at, "stale").headers["x-date"]).toBe("20240102T020405Z");
    expect(signRequest(tencent, "tencent", base, credentials, at, "unknown-key").headers.authorization).toMatch(
      /Credential=AKIDcontractunknown/,
    );
    expect(new URL(signRequest(zego, "zego", base, credentials, at, "unknown-key").path, base).searchParams.get("AppId")).toBe(
      "4000000001",
    );
    expect(new URL(signRequest(zego, "zego", base, credentials, at, "unsigned").path, base).searchParams.has("Signature")).toBe(false);
  });

  it("sends unsigned when it has no credentials for the vendor", () => {
    expect(signRequest(volc, "volcengine", base, {}, at)).toEqual(volc);
  });

  it("strips a client's signature completely before signing again", () => {
    const signed = signRequest(volc, "volcengine", base, credentials, at);
    expect(stripSignature(signed, "volcengine").headers).toEqual({ "content-type": "application/json" });
    const tc = signRequest(tencent, "tencent", base, credentials, at);
    expect(Object.keys(stripSignature(tc, "tencent").headers).sort()).toEqual(["content-type", "x-tc-action", "x-tc-version"]);
    const z = signRequest(zego, "zego", base, credentials, at);
    expect(stripSignature(z, "zego").path).toBe("/?Action=GetRealtimeUsage&Metrics[]=online_user&StartTs=1&EndTs=0&AppId=1234567890");
    expect(stripSignature(z, "zego", { dropAppId: true }).path).toBe("/?Action=GetRealtimeUsage&Metrics[]=online_user&StartTs=1&EndTs=0");
  });
});
