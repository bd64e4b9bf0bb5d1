import { describe, expect, it } from "vitest";
import { createWorld } from "../../mocks/core/world.js";
import { roomMembers } from "../../mocks/tencent/members.js";

const plan = {
  memberCount: 5_000,
  absentCount: 400,
  realStartTime: 1_709_254_800,
  realEndTime: 1_709_258_400,
  groupId: "g",
  subGroupIds: ["a", "b"],
};

describe("Tencent members are drawn per index", () => {
  it("a record depends only on the room and its index, not on which records were built before", () => {
    const world = createWorld(7);
    const alone = roomMembers(plan, world, 42).record(4_321);
    const after = roomMembers(plan, world, 42);
    for (let i = 0; i < 5_000; i++) after.record(i);
    expect(after.record(4_321)).toEqual(alone);
    expect(roomMembers(plan, world, 43).record(4_321)).not.toEqual(alone);
  });

  it("has exactly the planned absentees, never the teacher, and the aggregates' numbers match the records", () => {
    const members = roomMembers(plan, createWorld(7), 42);
    const records = Array.from({ length: members.count }, (_, i) => members.record(i));
    expect(records.filter((record) => record.CurrentState === 0)).toHaveLength(400);
    expect(records[0]!.Role).toBe(1);
    expect(records[0]!.CurrentState).not.toBe(0);
    records.forEach((record, i) => {
      const core = members.core(i);
      expect([record.FirstJoinTimestamp, record.LastQuitTimestamp, record.PerMemberMessageCount, record.PerMemberMicCount]).toEqual([
        core.join,
        core.quit,
        core.messages,
        core.micCount,
      ]);
    });
  });
});
