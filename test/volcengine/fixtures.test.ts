import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ListOperationDataRequest,
  ListOperationDataResponse,
  ListRealTimeOperationDataRequest,
  ListRealTimeOperationDataResponse,
  ListRealTimeQualityRequest,
  ListRealTimeQualityResponse,
  VolcengineErrorResponse,
} from "../../schemas/volcengine/index.js";

const fixture = (name: string) => readFileSync(new URL(`../../schemas/volcengine/fixtures/${name}`, import.meta.url), "utf8");
const json = (name: string): unknown => JSON.parse(fixture(name));

/** True when `repaired` is `verbatim` with only commas inserted (every other character kept, in order). */
function onlyCommasInserted(verbatim: string, repaired: string): { ok: boolean; inserted: number } {
  let j = 0;
  let inserted = 0;
  for (let i = 0; i < repaired.length; i++) {
    if (j < verbatim.length && repaired[i] === verbatim[j]) j++;
    else if (repaired[i] === ",") inserted++;
    else return { ok: false, inserted };
  }
  return { ok: j === verbatim.length, inserted };
}

describe("Volcengine doc examples (fixtures)", () => {
  it.each([
    ["list-real-time-operation-data.request.json", ListRealTimeOperationDataRequest],
    ["list-operation-data.request.json", ListOperationDataRequest],
    ["list-real-time-quality.request.json", ListRealTimeQualityRequest],
  ] as const)("request %s passes its request schema", (name, schema) => {
    const result = schema.safeParse(json(name));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each([
    ["list-real-time-operation-data.response.json", ListRealTimeOperationDataResponse],
    ["list-operation-data.response.json", ListOperationDataResponse],
    ["list-real-time-quality.response.json", ListRealTimeQualityResponse],
  ] as const)("response %s passes its response schema", (name, schema) => {
    const result = schema.safeParse(json(name));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("the doc examples carry what the docs say: renamed quality series with Unit %, echoed granularity and RoomId/UserId", () => {
    const quality = ListRealTimeQualityResponse.parse(json("list-real-time-quality.response.json"));
    expect(quality.Result.Indicators.map((series) => series.Name)).toEqual(["5s_join_room_success_rate", "10s_join_room_success_rate"]);
    expect(quality.Result.Indicators.every((series) => series.Unit === "%")).toBe(true);
    expect(quality.Result.RoomId).toBe("Your_RoomId");
    expect(quality.Result.UserId).toEqual(["user1", "user2"]);
    const offline = ListOperationDataResponse.parse(json("list-operation-data.response.json"));
    expect(offline.Result.AggregateGranularity).toBe("1d");
    // Inclusive end: 07-24 00:00 to 07-25 00:00 at 1d gives both days.
    expect(offline.Result.Indicators[0]!.Data.map((point) => point.TimeStamp)).toEqual([
      "2021-07-24T00:00:00+08:00",
      "2021-07-25T00:00:00+08:00",
    ]);
  });

  it.each(["error.signature-does-not-match.json", "error.account-id-mismatch.json"])(
    "error example %s passes the error envelope and fails the success ones",
    (name) => {
      expect(VolcengineErrorResponse.safeParse(json(name)).success).toBe(true);
      expect(ListRealTimeQualityResponse.safeParse(json(name)).success).toBe(false);
    },
  );

  describe.each([
    ["list-operation-data", 1],
    ["list-real-time-quality", 2],
  ] as const)("%s response as published", (base, missing) => {
    const verbatim = fixture(`${base}.response.verbatim.txt`);
    const repaired = fixture(`${base}.response.json`);

    it("is not valid JSON", () => {
      expect(() => JSON.parse(verbatim)).toThrow(SyntaxError);
    });

    it("the repaired copy parses", () => {
      expect(() => JSON.parse(repaired)).not.toThrow();
    });

    it("the repaired copy equals the verbatim text once commas and whitespace are removed", () => {
      const strip = (text: string) => text.replace(/[,\s]/g, "");
      expect(strip(repaired)).toBe(strip(verbatim));
      expect(repaired.length - verbatim.length).toBe(missing);
    });

    it(`the repaired copy is the verbatim text with exactly ${missing} comma(s) inserted and nothing else changed`, () => {
      expect(onlyCommasInserted(verbatim, repaired)).toEqual({ ok: true, inserted: missing });
    });
  });

  it("the comma-insertion check itself rejects other edits", () => {
    expect(onlyCommasInserted('{"a":1}', '{"a":2}').ok).toBe(false);
    expect(onlyCommasInserted('{"a":1}', '{"a":1} ').ok).toBe(false);
    expect(onlyCommasInserted("[1 2]", "[1,2]").ok).toBe(false);
    expect(onlyCommasInserted("[1 2]", "[1, 2]")).toEqual({ ok: true, inserted: 1 });
  });
});
