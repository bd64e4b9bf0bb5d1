import type { EngineContext } from "../engine-context.js";

/** PLACEHOLDER: the Tencent room registry (list/get/add/remove/reset) lands with the Tencent work. */
export interface RoomRegistry {
  list(): unknown[];
  get(roomId: number): unknown | undefined;
  /** Adds a room from untrusted JSON; throws an Error with a readable message when invalid. */
  add(spec: unknown): unknown;
  remove(roomId: number): boolean;
  reset(): void;
}

/** PLACEHOLDER registry. */
export function createRoomRegistry(_ctx: EngineContext): RoomRegistry {
  const rooms = new Map<number, unknown>();
  return {
    list: () => [...rooms.values()],
    get: (id) => rooms.get(id),
    add: () => {
      throw new Error("rooms: not implemented yet");
    },
    remove: (id) => rooms.delete(id),
    reset: () => rooms.clear(),
  };
}
