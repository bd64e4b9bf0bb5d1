import { DEFAULT_UTC_OFFSET_MINUTES, round2, type World } from "../world.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Per-app constants, drawn once from the seed. */
interface AppProfile {
  scale: number;
  usersSlow: number;
  usersFast: number;
  rooms: number;
  /** Average users per room, 1.6–4.5 (so rooms ≤ users always). */
  usersPerRoom: number;
  session: number;
  /** Average call length in minutes, 6–26. */
  sessionMinutes: number;
}

/** How one quality series behaves: its typical "bad share" in percent and whether the value is the bad share. */
interface QualityModel {
  /** Typical bad share (%) at average load: failures, stalls, late frames. */
  baseBad: number;
  /** `stall`: the value is the bad share (low is good); `success`: the value is 100 − bad share. */
  kind: "success" | "stall";
  /** Derived from another series' bad share times this factor (10 s join is a superset of 5 s). */
  derivedFrom?: { name: string; factor: number };
}

/**
 * Typical quality levels (assumed, consumer RTC on good networks): success rates around 98–99.7 %,
 * audio stalls under 1 %, video stalls 1–2 %. Same key as the series names in the indicator catalog.
 */
const QUALITY_MODELS: Readonly<Record<string, QualityModel>> = {
  "5s_join_room_success_rate": { baseBad: 1.6, kind: "success" },
  "10s_join_room_success_rate": { baseBad: 0, kind: "success", derivedFrom: { name: "5s_join_room_success_rate", factor: 0.35 } },
  audio_stall_rate: { baseBad: 0.45, kind: "stall" },
  video_stall_rate: { baseBad: 1.3, kind: "stall" },
  audio_first_frame_send_success_rate: { baseBad: 0.35, kind: "success" },
  video_first_frame_send_success_rate: { baseBad: 0.6, kind: "success" },
  audio_first_frame_recv_success_rate: { baseBad: 0.5, kind: "success" },
  video_first_frame_recv_success_rate: { baseBad: 0.9, kind: "success" },
  audio_network_trans_delay: { baseBad: 1.2, kind: "success" },
  video_network_trans_delay: { baseBad: 2.0, kind: "success" },
};

/** Distinct users per session in an hour and in a day (assumed: people call more than once a day). */
const SESSIONS_PER_USER: Readonly<Record<number, number>> = { [HOUR]: 1.1, [24 * HOUR]: 1.9 };
/** Offline buckets integrate the online-user curve at this step. */
const INTEGRATION_STEP = 5 * MINUTE;

/** The Volcengine data world: every value is a pure function of (seed, AppId[/RoomId], series, bucket start). */
export interface RtcWorld {
  /** Online users at instant `t` (before rounding); the one curve all operation data derives from. */
  onlineUsers(appId: string, t: number): number;
  /** `online_user_count` of the 30 s bucket starting at `t`. */
  onlineUserCount(appId: string, t: number): number;
  /** `online_room_count` of the bucket starting at `t`; never above `onlineUserCount`. */
  onlineRoomCount(appId: string, t: number): number;
  /** A quality series value (percent, two decimals) for the app or one of its rooms. */
  quality(series: string, appId: string, roomId: string | undefined, t: number): number;
  /** User-minutes in `[start, start + widthMs)`, integrated from `onlineUsers`. */
  userMinutes(appId: string, start: number, widthMs: number): number;
  /** An offline indicator (`per_call_time`, `avg_call_time`, `user_count`) of one 1h/1d bucket. */
  offline(indicator: string, appId: string, start: number, widthMs: number): number;
}

const worlds = new WeakMap<World, RtcWorld>();

/** The RTC world of an engine's seeded world (created once, cached). */
export function rtcWorldOf(world: World): RtcWorld {
  let rtc = worlds.get(world);
  if (rtc === undefined) {
    rtc = createRtcWorld(world);
    worlds.set(world, rtc);
  }
  return rtc;
}

/** Builds the RTC world over the seeded primitives. */
export function createRtcWorld(world: World): RtcWorld {
  const profiles = new Map<string, AppProfile>();
  const scopeKeys = new Map<string, { noise: number; incident: number }>();

  const profileOf = (appId: string): AppProfile => {
    let profile = profiles.get(appId);
    if (profile === undefined) {
      const k = world.key("volcengine", "app", appId);
      profile = {
        scale: world.appScale(appId),
        usersSlow: world.key("volcengine", "users-slow", appId),
        usersFast: world.key("volcengine", "users-fast", appId),
        rooms: world.key("volcengine", "rooms", appId),
        usersPerRoom: 1.6 + 2.9 * world.unit(k, 1),
        session: world.key("volcengine", "session", appId),
        sessionMinutes: 6 + 20 * world.unit(k, 2),
      };
      if (profiles.size >= 10_000) profiles.clear();
      profiles.set(appId, profile);
    }
    return profile;
  };

  const scopeKeysOf = (appId: string, roomId: string | undefined) => {
    const id = roomId === undefined ? appId : `${appId}\u0000${roomId}`;
    let keys = scopeKeys.get(id);
    if (keys === undefined) {
      keys = { noise: world.key("volcengine", "quality", id), incident: world.key("volcengine", "incident", id) };
      if (scopeKeys.size >= 10_000) scopeKeys.clear();
      scopeKeys.set(id, keys);
    }
    return keys;
  };

  const users = (profile: AppProfile, t: number) =>
    profile.scale *
    world.rhythm(t, DEFAULT_UTC_OFFSET_MINUTES) *
    (1 + 0.06 * world.noise(profile.usersSlow, t, 15 * MINUTE) + 0.02 * world.noise(profile.usersFast, t, 90_000));

  // An incident makes every quality series of a scope worse for a 10-minute cell, ~2 % of cells.
  const incidentFactor = (key: number, t: number) => {
    const cell = Math.floor(t / (10 * MINUTE));
    return world.unit(key, cell) < 0.02 ? 3 + 5 * world.unit(key ^ 0x5bd1e995, cell) : 1;
  };

  // Series names come from the fixed catalog, so this table stays small.
  const seriesKeys = new Map<string, number>();
  const seriesKeyOf = (name: string) => {
    let key = seriesKeys.get(name);
    if (key === undefined) {
      key = world.key("volcengine", "series", name);
      seriesKeys.set(name, key);
    }
    return key;
  };

  const badShare = (name: string, model: QualityModel, appId: string, roomId: string | undefined, t: number): number => {
    if (model.derivedFrom !== undefined) {
      const parent = QUALITY_MODELS[model.derivedFrom.name]!;
      return badShare(model.derivedFrom.name, parent, appId, roomId, t) * model.derivedFrom.factor;
    }
    const keys = scopeKeysOf(appId, roomId);
    // A room is a small sample: noisier and a little worse than the app average.
    const amplitude = roomId === undefined ? 0.35 : 0.6;
    const base = roomId === undefined ? model.baseBad : model.baseBad * 1.2;
    const load = 0.75 + 0.5 * world.rhythm(t, DEFAULT_UTC_OFFSET_MINUTES);
    const seriesKey = keys.noise ^ seriesKeyOf(name);
    // Slow drift plus bucket-to-bucket jitter, so neighbouring 30 s points differ a little.
    const noise = 1 + amplitude * world.noise(seriesKey, t, 5 * MINUTE) + 0.12 * world.noise(seriesKey ^ 0x27d4eb2f, t, 45_000);
    return base * load * noise * incidentFactor(keys.incident, t);
  };

  const userMinutes = (appId: string, start: number, widthMs: number) => {
    const profile = profileOf(appId);
    let total = 0;
    for (let t = start + INTEGRATION_STEP / 2; t < start + widthMs; t += INTEGRATION_STEP) total += users(profile, t);
    return total * (INTEGRATION_STEP / MINUTE);
  };

  return {
    onlineUsers: (appId, t) => users(profileOf(appId), t),
    onlineUserCount: (appId, t) => Math.round(users(profileOf(appId), t)),
    onlineRoomCount(appId, t) {
      const profile = profileOf(appId);
      const online = Math.round(users(profile, t));
      const perRoom = profile.usersPerRoom * (1 + 0.08 * world.noise(profile.rooms, t, 20 * MINUTE));
      return Math.min(online, Math.round(online / perRoom));
    },
    quality(series, appId, roomId, t) {
      const model = QUALITY_MODELS[series];
      if (model === undefined) throw new Error(`no quality model for series ${series}`);
      const bad = Math.min(100, Math.max(0, badShare(series, model, appId, roomId, t)));
      return round2(model.kind === "stall" ? bad : 100 - bad);
    },
    userMinutes,
    offline(indicator, appId, start, widthMs) {
      const profile = profileOf(appId);
      const minutes = userMinutes(appId, start, widthMs);
      const callMinutes = profile.sessionMinutes * (1 + 0.08 * world.noise(profile.session, start, 6 * HOUR));
      if (indicator === "avg_call_time") return round2(callMinutes);
      const perUser = SESSIONS_PER_USER[widthMs] ?? 1;
      const userCount = Math.max(minutes > 0 ? 1 : 0, Math.round(minutes / callMinutes / perUser));
      if (indicator === "user_count") return userCount;
      if (indicator === "per_call_time") return userCount === 0 ? 0 : round2(minutes / userCount);
      throw new Error(`no offline model for indicator ${indicator}`);
    },
  };
}
