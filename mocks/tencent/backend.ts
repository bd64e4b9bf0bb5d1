import { createRateLimiter, type RateLimiter } from "../core/rate-limiter.js";
import type { Backend, EngineContext } from "../core/vendor.js";
import { createRoomRegistry, type RoomRegistry } from "./rooms.js";

/** Tencent's state in one engine: the LCIC rooms with their member records, and the SecretIds counted for quotas. */
export interface TencentBackend extends Backend {
  readonly rooms: RoomRegistry;
}

/** Creates the backend; reset brings back the seeded rooms and empties the quota table. */
export function createTencentBackend(ctx: EngineContext): TencentBackend {
  const limiter: RateLimiter = createRateLimiter(ctx.options.maxTenants);
  const rooms = createRoomRegistry(ctx);
  return {
    rooms,
    limiter,
    reset() {
      limiter.reset();
      rooms.reset();
    },
  };
}
