import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { zegoSignature, zegoSignatureParams } from "../../schemas/zego/signing.js";

describe("ZEGO signing", () => {
  it("reproduces the official test vector", () => {
    // https://github.com/ZEGOCLOUD/docs_all/blob/main/snippets/Reuse/SigningTheRequestEN.mdx
    expect(zegoSignature(12345, "4fd24687296dd9f3", "9193cc662a4c0ec135ec71fb57194b38", 1615186943)).toBe(
      "43e5cfcca828314675f91b001390566a",
    );
    expect(zegoSignature("12345", "4fd24687296dd9f3", "9193cc662a4c0ec135ec71fb57194b38", "1615186943")).toBe(
      "43e5cfcca828314675f91b001390566a",
    );
  });

  it("agrees with node:crypto md5 on other inputs, including non-ASCII text", () => {
    for (const [appId, nonce, secret, ts] of [
      ["1234567890", "15215528852396", "0123456789abcdef0123456789abcdef", "1700000000"],
      ["1", "nonce-ü-测试", "s", "0"],
    ] as const) {
      const expected = createHash("md5").update(`${appId}${nonce}${secret}${ts}`, "utf8").digest("hex");
      expect(zegoSignature(appId, nonce, secret, ts)).toBe(expected);
    }
  });

  it("builds the five common parameters, signing the values it returns", () => {
    const params = zegoSignatureParams({
      appId: 12345,
      serverSecret: "9193cc662a4c0ec135ec71fb57194b38",
      timestampSec: 1615186943,
      nonce: "4fd24687296dd9f3",
    });
    expect(params).toEqual({
      AppId: "12345",
      SignatureNonce: "4fd24687296dd9f3",
      Timestamp: "1615186943",
      Signature: "43e5cfcca828314675f91b001390566a",
      SignatureVersion: "2.0",
    });
  });

  it("draws a fresh 16-hex-character nonce per call when none is given", () => {
    const a = zegoSignatureParams({ appId: "1", serverSecret: "s", timestampSec: 1 });
    const b = zegoSignatureParams({ appId: "1", serverSecret: "s", timestampSec: 1 });
    expect(a.SignatureNonce).toMatch(/^[0-9a-f]{16}$/);
    expect(a.SignatureNonce).not.toBe(b.SignatureNonce);
    expect(a.Signature).toBe(zegoSignature("1", a.SignatureNonce, "s", "1"));
  });
});
