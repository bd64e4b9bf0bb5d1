import { createRateLimiter, type RateLimiter } from "../core/rate-limiter.js";
import type { Backend, EngineContext } from "../core/vendor.js";
import { createRtcWorld, type RtcWorld } from "./rtc-world.js";

/** Volcengine's state in one engine: the seeded RTC world and the AppIds counted for quotas. */
export interface VolcengineBackend extends Backend {
  readonly world: RtcWorld;
}

/** Creates the backend; the world is a pure function of the seed, so reset only empties the quota table. */
export function createVolcengineBackend(ctx: EngineContext): VolcengineBackend {
  const limiter: RateLimiter = createRateLimiter(ctx.options.maxTenants);
  return {
    world: createRtcWorld(ctx.world),
    limiter,
    reset: () => limiter.reset(),
  };
}
