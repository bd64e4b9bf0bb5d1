import { createRateLimiter, type RateLimiter } from "../core/rate-limiter.js";
import type { Backend, EngineContext } from "../core/vendor.js";
import { createRealtimeUsageWorld, type RealtimeUsageWorld } from "./realtime-usage-world.js";

/** ZEGO's state in one engine: the seeded usage world and the AppIds counted for quotas. */
export interface ZegoBackend extends Backend {
  readonly usage: RealtimeUsageWorld;
}

/** Creates the backend; the world is a pure function of the seed, so reset only empties the quota table. */
export function createZegoBackend(ctx: EngineContext): ZegoBackend {
  const limiter: RateLimiter = createRateLimiter(ctx.options.maxTenants);
  return { usage: createRealtimeUsageWorld(ctx.world), limiter, reset: () => limiter.reset() };
}
