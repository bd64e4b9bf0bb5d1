import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import { MAX_ROOMS } from "../../mocks/tencent/room-spec.js";
import type { FullMemberRecord } from "../../mocks/tencent/members.js";
import { DescribeRoomStatisticsResponse } from "../../schemas/tencent/describe-room-statistics.js";
import { T0, frozenAt } from "../support/harness.js";

const NOW = T0 / 1000;
const engineAt = (options: Parameters<typeof createMockEngine>[0] = {}) => createMockEngine({ clock: frozenAt(), ...options });

function allRecords(engine: ReturnType<typeof createMockEngine>, roomId: number): FullMemberRecord[] {
  const found = engine.backends.tencent.rooms.statistics(roomId, 1, 1000);
  if (found.kind !== "ok") throw new Error(`room ${roomId}: ${found.kind}`);
  const first = found.page();
  const records = [...first.MemberRecords] as FullMemberRecord[];
  for (let page = 2; records.length < first.Total; page++) {
    const next = engine.backends.tencent.rooms.statistics(roomId, page, 1000);
    if (next.kind !== "ok") throw new Error("page vanished");
    records.push(...(next.page().MemberRecords as FullMemberRecord[]));
  }
  return records;
}

describe("Tencent room registry: seeded rooms", () => {
  it("starts with one room per lifecycle state, relative to the mock clock", () => {
    const { rooms } = engineAt().backends.tencent;
    expect(rooms.list().map((room) => [room.roomId, room.state, room.status])).toEqual([
      [1, "ended", 2],
      [10001, "not-started", 0],
      [10002, "live", 1],
      [10003, "computing", 2],
      [10004, "ended", 2],
      [10005, "expired", 3],
    ]);
    const live = rooms.get(10002)!;
    expect(live.realStartTime).toBe(NOW - 600);
    expect(live.realEndTime).toBeNull();
    expect(rooms.get(10001)!.realStartTime).toBeNull();
    expect(rooms.get(1)).toMatchObject({
      realStartTime: NOW - 3 * 3600,
      realEndTime: NOW - 2 * 3600,
      memberCount: 30,
      absentCount: 4,
      seeded: true,
    });
    expect(JSON.parse(JSON.stringify(rooms.list()))).toEqual(rooms.list());
  });

  it("maps each state to what DescribeRoomStatistics finds", () => {
    const { rooms } = engineAt().backends.tencent;
    expect(rooms.statistics(1, 1, 10).kind).toBe("ok");
    expect(rooms.statistics(10001, 1, 10).kind).toBe("not-ended");
    expect(rooms.statistics(10002, 1, 10).kind).toBe("not-ended");
    expect(rooms.statistics(10003, 1, 10).kind).toBe("computing");
    expect(rooms.statistics(10004, 1, 10).kind).toBe("ok");
    expect(rooms.statistics(10005, 1, 10).kind).toBe("ok");
    expect(rooms.statistics(404, 1, 10).kind).toBe("not-found");
  });

  it("moves a live room through computing to ended as the clock advances", () => {
    const engine = engineAt();
    engine.clock.advance(50 * 60_000); // the live room's scheduled end
    expect(engine.backends.tencent.rooms.get(10002)!.state).toBe("computing");
    expect(engine.backends.tencent.rooms.statistics(10002, 1, 1).kind).toBe("computing");
    engine.clock.advance(299_000);
    expect(engine.backends.tencent.rooms.statistics(10002, 1, 1).kind).toBe("computing");
    engine.clock.advance(1_000);
    expect(engine.backends.tencent.rooms.statistics(10002, 1, 1).kind).toBe("ok");
    expect(engine.backends.tencent.rooms.get(10002)).toMatchObject({
      state: "ended",
      realEndTime: NOW + 3000,
      statisticsAvailableAt: NOW + 3300,
    });
  });

  it("honours statisticsDelaySec and seedRooms: false", () => {
    expect(engineAt({ tencent: { statisticsDelaySec: 0 } }).backends.tencent.rooms.get(10003)!.state).toBe("ended");
    expect(engineAt({ tencent: { statisticsDelaySec: 100_000 } }).backends.tencent.rooms.get(1)!.state).toBe("computing");
    expect(engineAt({ tencent: { seedRooms: false } }).backends.tencent.rooms.list()).toEqual([]);
  });

  it("the expired room reports null real times and only absentees", () => {
    const { rooms } = engineAt().backends.tencent;
    const found = rooms.statistics(10005, 1, 100);
    if (found.kind !== "ok") throw new Error(found.kind);
    expect(found.page()).toMatchObject({
      RealStartTime: null,
      RealEndTime: null,
      MemberNumber: 0,
      PeakMemberNumber: 0,
      Total: 12,
      MessageCount: 0,
      MicCount: 0,
    });
    expect(found.page().MemberRecords.every((record) => record.CurrentState === 0 && record.PresentTime === 0)).toBe(true);
  });
});

describe("Tencent room registry: adding, removing, resetting", () => {
  it("adds a valid room and reports its state", () => {
    const { rooms } = engineAt().backends.tencent;
    const room = rooms.add({ roomId: 555, startTime: NOW - 7200, endTime: NOW - 3600, memberCount: 10, absentCount: 2, name: "Maths" });
    expect(room).toMatchObject({ roomId: 555, name: "Maths", state: "ended", memberCount: 10, absentCount: 2, seeded: false });
    const found = rooms.statistics(555, 1, 100);
    expect(found.kind).toBe("ok");
    if (found.kind === "ok") expect(found.page().Total).toBe(10);
  });

  it("assigns ids from 20001 and seeded default sizes when left open", () => {
    const { rooms } = engineAt().backends.tencent;
    const a = rooms.add({ startTime: NOW + 60, endTime: NOW + 120 });
    const b = rooms.add({ startTime: NOW + 60, endTime: NOW + 120 });
    expect([a.roomId, b.roomId]).toEqual([20001, 20002]);
    expect(a.memberCount).toBeGreaterThanOrEqual(8);
    expect(a.memberCount).toBeLessThanOrEqual(60);
    expect(engineAt().backends.tencent.rooms.add({ startTime: NOW + 60, endTime: NOW + 120 }).memberCount).toBe(a.memberCount);
  });

  it("rejects invalid specs with readable messages", () => {
    const { rooms } = engineAt().backends.tencent;
    const cases: [unknown, RegExp][] = [
      [null, /Invalid room/],
      ["room", /Invalid room/],
      [{ startTime: NOW, endTime: NOW - 1 }, /^Invalid room: endTime: endTime must be after startTime$/],
      [{ startTime: NOW, endTime: NOW + 10, realEndTime: NOW - 5 }, /realEndTime must be after realStartTime/],
      [{ startTime: "now", endTime: NOW }, /startTime: /],
      [{ startTime: NOW, endTime: NOW + 1, colour: "red" }, /unknown field\(s\) colour/],
      [{ startTime: NOW, endTime: NOW + 10, realStartTime: NOW + 5, realEndTime: NOW + 5 }, /realEndTime must be after realStartTime/],
      [{ startTime: NOW, endTime: NOW + 10, realStartTime: null, realEndTime: NOW + 5 }, /never starts/],
      [{ startTime: NOW, endTime: NOW + 10, memberCount: 5_001 }, /memberCount/],
      [{ startTime: NOW, endTime: NOW + 10, memberCount: 3, absentCount: 4 }, /absentCount cannot exceed memberCount/],
      [{ roomId: 0, startTime: NOW, endTime: NOW + 10 }, /roomId/],
    ];
    for (const [spec, message] of cases) expect(() => rooms.add(spec)).toThrow(message);
    expect(() => rooms.add({ roomId: 1, startTime: NOW, endTime: NOW + 10 })).toThrow("Room 1 already exists");
    expect(rooms.size).toBe(6);
  });

  it(`holds at most ${MAX_ROOMS} rooms and says so`, () => {
    const { rooms } = engineAt().backends.tencent;
    for (let i = rooms.size; i < MAX_ROOMS; i++) rooms.add({ startTime: NOW + 60, endTime: NOW + 120, memberCount: 1 });
    expect(rooms.size).toBe(MAX_ROOMS);
    expect(() => rooms.add({ startTime: NOW + 60, endTime: NOW + 120 })).toThrow(/Too many rooms: the registry holds at most 10000/);
    expect(rooms.remove(20001)).toBe(true);
    expect(rooms.add({ startTime: NOW + 60, endTime: NOW + 120 }).roomId).toBeGreaterThan(20001);
  });

  it("removes rooms and restores the seeded ones on reset, relative to the new clock", () => {
    const engine = engineAt();
    engine.backends.tencent.rooms.add({ roomId: 777, startTime: NOW, endTime: NOW + 10 });
    expect(engine.backends.tencent.rooms.remove(10002)).toBe(true);
    expect(engine.backends.tencent.rooms.remove(10002)).toBe(false);
    expect(engine.backends.tencent.rooms.statistics(10002, 1, 1).kind).toBe("not-found");
    engine.reset();
    expect(engine.backends.tencent.rooms.get(777)).toBeUndefined();
    expect(engine.backends.tencent.rooms.get(10002)!.state).toBe("live");
    // Without an engine reset, rooms.reset() lays the seeded rooms out around the current time.
    engine.clock.advance(86_400_000);
    engine.backends.tencent.rooms.reset();
    expect(engine.backends.tencent.rooms.get(10002)).toMatchObject({ state: "live", realStartTime: NOW + 86_400 - 600 });
  });
});

describe("Tencent room statistics: consistency and determinism", () => {
  it("same seed → same records; another seed → other people", () => {
    const a = allRecords(engineAt(), 1);
    const b = allRecords(engineAt(), 1);
    const c = allRecords(engineAt({ seed: 2 }), 1);
    expect(a).toEqual(b);
    expect(c.map((r) => r.UserName)).not.toEqual(a.map((r) => r.UserName));
  });

  it("regenerates identical records after a room is removed and re-added", () => {
    const engine = engineAt();
    const spec = { roomId: 4242, startTime: NOW - 7200, endTime: NOW - 3600, memberCount: 50, absentCount: 5 };
    engine.backends.tencent.rooms.add(spec);
    const first = allRecords(engine, 4242);
    engine.backends.tencent.rooms.remove(4242);
    engine.backends.tencent.rooms.add(spec);
    expect(allRecords(engine, 4242)).toEqual(first);
  });

  it("pages cut one fixed list: concatenated pages equal the whole, a page past the end is empty with the same Total", () => {
    const { rooms } = engineAt().backends.tencent;
    const whole = rooms.statistics(10004, 1, 1000);
    const rest = rooms.statistics(10004, 2, 1000);
    const small = [1, 2, 3].map((page) => rooms.statistics(10004, page, 7));
    const beyond = rooms.statistics(10004, 3, 1000);
    if (whole.kind !== "ok" || rest.kind !== "ok" || beyond.kind !== "ok" || small.some((s) => s.kind !== "ok")) throw new Error("not ok");
    expect(whole.page().Total).toBe(1500);
    expect(whole.page().MemberRecords).toHaveLength(1000);
    expect(rest.page().MemberRecords).toHaveLength(500);
    expect(beyond.page().MemberRecords).toEqual([]);
    expect(beyond.page().Total).toBe(1500);
    const smallRecords = small.flatMap((s) => (s.kind === "ok" ? s.page().MemberRecords : []));
    expect(smallRecords).toEqual(whole.page().MemberRecords.slice(0, 21));
    expect(whole.page().MemberRecords[0]!.Role).toBe(1);
  });

  it("aggregates and records agree for any room (property test)", () => {
    const spec = fc.record({
      duration: fc.integer({ min: 1, max: 6 * 3600 }),
      endedAgo: fc.integer({ min: 301, max: 30 * 86_400 }),
      memberCount: fc.integer({ min: 0, max: 120 }),
      absentShare: fc.double({ min: 0, max: 1, noNaN: true }),
      subGroups: fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 3 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(spec, (s) => {
        const engine = engineAt({ seed: s.seed, tencent: { seedRooms: false } });
        const end = NOW - s.endedAgo;
        const absentCount = Math.floor(s.memberCount * s.absentShare);
        engine.backends.tencent.rooms.add({
          roomId: 9,
          startTime: end - s.duration,
          endTime: end,
          memberCount: s.memberCount,
          absentCount,
          subGroupIds: s.subGroups,
        });
        const found = engine.backends.tencent.rooms.statistics(9, 1, 1000);
        if (found.kind !== "ok") return false;
        const r = found.page();
        const records = r.MemberRecords as FullMemberRecord[];
        const present = records.filter((m) => m.CurrentState !== 0);
        expect(DescribeRoomStatisticsResponse.safeParse({ Response: { ...r, RequestId: "x" } }).success).toBe(true);
        expect(r.Total).toBe(s.memberCount);
        expect(records).toHaveLength(s.memberCount);
        // The teacher always attends, so at most memberCount − 1 are absent.
        expect(records.length - present.length).toBe(s.memberCount === 0 ? 0 : Math.min(absentCount, s.memberCount - 1));
        expect(r.MemberNumber).toBe(present.length);
        expect(r.PeakMemberNumber).toBeLessThanOrEqual(r.MemberNumber);
        if (present.length > 0) expect(r.PeakMemberNumber).toBeGreaterThanOrEqual(1);
        expect(r.MicCount).toBe(records.reduce((sum, m) => sum + m.PerMemberMicCount, 0));
        expect(r.MessageCount).toBe(records.reduce((sum, m) => sum + m.PerMemberMessageCount, 0));
        expect(r.RealStartTime).toBe(end - s.duration);
        expect(r.RealEndTime).toBe(end);
        for (const m of present) {
          expect(m.FirstJoinTimestamp).toBeGreaterThanOrEqual(end - s.duration);
          expect(m.LastQuitTimestamp).toBeLessThanOrEqual(end);
          expect(m.FirstJoinTimestamp).toBeLessThanOrEqual(m.LastQuitTimestamp);
          expect(m.PresentTime).toBeLessThanOrEqual(m.LastQuitTimestamp - m.FirstJoinTimestamp);
          expect(m.Mic).toBe(m.PerMemberMicCount > 0 || m.Role === 1 || m.Role === 2 ? 1 : 0);
          expect([2, 3, 4]).toContain(m.CurrentState);
        }
        for (const m of records.filter((x) => x.CurrentState === 0)) {
          expect(m).toMatchObject({
            PresentTime: 0,
            FirstJoinTimestamp: 0,
            LastQuitTimestamp: 0,
            PerMemberMicCount: 0,
            PerMemberMessageCount: 0,
          });
        }
        if (s.subGroups.length === 0) expect(records.every((m) => m.SubGroupId === null)).toBe(true);
        else expect(records.every((m) => m.SubGroupId !== null && s.subGroups.includes(m.SubGroupId[0]!))).toBe(true);
        return true;
      }),
      { numRuns: 60 },
    );
  });
});
