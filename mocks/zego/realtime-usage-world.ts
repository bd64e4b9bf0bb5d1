import type { World } from "../core/world.js";
import type { ZegoRealtimeMetric } from "../../schemas/zego/metrics.js";

/** The six GetRealtimeUsage values of one app at one instant. */
export type RealtimeUsageSnapshot = Record<ZegoRealtimeMetric, number>;

/** Per-app constants and series keys, derived once per app from the seed. */
interface AppProfile {
  peakUsers: number;
  roomShare: number;
  maxRoomSkew: number;
  publishShare: number;
  playFanout: number;
  mixShare: number;
  keys: { online: number; onlineFast: number; rooms: number; maxRoom: number; publish: number; play: number; mix: number };
}

const MINUTE_MS = 60_000;

function profileOf(world: World, appId: string): AppProfile {
  const appKey = world.key("zego:app", appId);
  const shape = (n: number) => world.unit(appKey, n);
  return {
    peakUsers: world.appScale(appId),
    roomShare: 0.12 + 0.2 * shape(1),
    maxRoomSkew: 2 + 6 * shape(2),
    publishShare: 0.25 + 0.35 * shape(3),
    playFanout: 0.8 + 2.2 * shape(4),
    mixShare: 0.02 + 0.08 * shape(5),
    keys: {
      online: world.key("zego:online", appId),
      onlineFast: world.key("zego:online-fast", appId),
      rooms: world.key("zego:rooms", appId),
      maxRoom: world.key("zego:max-room", appId),
      publish: world.key("zego:publish", appId),
      play: world.key("zego:play", appId),
      mix: world.key("zego:mix", appId),
    },
  };
}

/**
 * The seeded ZEGO world: every value is a pure function of (seed, AppId, metric, timestamp), so a
 * series does not depend on the window asked for, the step, or which other metrics were asked.
 * Online users follow the daily rhythm (China time) with slow and fast noise; the other metrics are
 * derived from them so they stay coherent at every instant: rooms ≤ users, largest room ≤ users
 * (and ≥ the average room), play ≥ publish, mix ≤ publish. All values are integers.
 */
export interface RealtimeUsageWorld {
  /** The app's values at each of `times`. */
  points(appId: string, times: readonly number[]): RealtimeUsageSnapshot[];
}

/** Creates the ZEGO world over the engine's seeded primitives. */
export function createRealtimeUsageWorld(world: World): RealtimeUsageWorld {
  return {
    points(appId, times) {
      const app = profileOf(world, appId);
      return times.map((t) => computeSnapshot(world, app, t));
    },
  };
}

/** The six values of one app at one instant (see RealtimeUsageWorld for the relations they keep). */
function computeSnapshot(world: World, app: AppProfile, tMs: number): RealtimeUsageSnapshot {
  const { keys } = app;
  const online = Math.max(
    0,
    Math.round(
      app.peakUsers *
        world.rhythm(tMs) *
        wobble(world, keys.online, tMs, 20 * MINUTE_MS, 0.1) *
        wobble(world, keys.onlineFast, tMs, 3 * MINUTE_MS, 0.03),
    ),
  );
  const rooms =
    online === 0 ? 0 : clamp(Math.floor(online * app.roomShare * wobble(world, keys.rooms, tMs, 30 * MINUTE_MS, 0.1)), 1, online);
  const averageRoom = rooms === 0 ? 0 : online / rooms;
  // The largest room holds at least the average and at most everyone.
  const maxRoom =
    rooms === 0
      ? 0
      : clamp(
          Math.round(averageRoom * app.maxRoomSkew * wobble(world, keys.maxRoom, tMs, 15 * MINUTE_MS, 0.3)),
          Math.ceil(averageRoom),
          online,
        );
  const publish = Math.min(online, Math.floor(online * app.publishShare * wobble(world, keys.publish, tMs, 10 * MINUTE_MS, 0.08)));
  // Each published stream has at least one player, most have several: play ≥ publish.
  const play = publish + Math.floor(publish * app.playFanout * wobble(world, keys.play, tMs, 10 * MINUTE_MS, 0.1));
  const mix = Math.min(rooms, Math.floor(publish * app.mixShare * wobble(world, keys.mix, tMs, 20 * MINUTE_MS, 0.2)));
  return {
    publish_concurrent: publish,
    play_concurrent: play,
    room_concurrent: rooms,
    online_user: online,
    max_room_user: maxRoom,
    mix_concurrent: mix,
  };
}

/** A factor around 1: smooth noise of the given period and amplitude. */
function wobble(world: World, key: number, tMs: number, periodMs: number, amplitude: number): number {
  return 1 + amplitude * world.noise(key, tMs, periodMs);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
