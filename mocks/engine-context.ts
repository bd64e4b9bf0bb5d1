import type { Clock } from "./core/clock.js";
import type { World } from "./core/world.js";
import type { ResolvedMockOptions } from "./options.js";
import type { RoomRegistry } from "./tencent/rooms.js";

/** What vendor hooks may read: the clock, the seeded world, options and the Tencent room registry. */
export interface EngineContext {
  clock: Clock;
  world: World;
  options: ResolvedMockOptions;
  rooms: RoomRegistry;
}
