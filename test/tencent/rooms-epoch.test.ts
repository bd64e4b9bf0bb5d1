import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";

describe("seeded rooms near the epoch", () => {
  it("creates an engine whose clock starts at 0, skipping seeded rooms that would start before 1970", () => {
    const engine = createMockEngine({ clock: { start: 0, frozen: true } });
    const ids = (engine.backends.tencent.rooms.list() as { roomId: number }[]).map((room) => room.roomId);
    expect(ids).toEqual([10001]);
    engine.reset();
    expect((engine.backends.tencent.rooms.list() as { roomId: number }[]).map((room) => room.roomId)).toEqual([10001]);
  });
});
