import { DEFAULT_UTC_OFFSET_MINUTES, round2, type World } from "../core/world.js";

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
 * audio stalls under 1 %, video stalls 1–2 %. Same keys as the series names in the indicator catalog.
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
const INCIDENT_CELL = 10 * MINUTE;

/** ListOperationData values per bucket (minutes, users), two decimals / whole numbers. */
export interface OfflineSeries {
  per_call_time: number[];
  avg_call_time: number[];
  user_count: number[];
}

/** The Volcengine data world: every value is a pure function of (seed, AppId[/RoomId], series, bucket start). */
export interface RtcWorld {
  /** Online users at each instant (before rounding); the one curve all operation data derives from. */
  onlineUsers(appId: string, times: readonly number[]): number[];
  /** `online_user_count` and `online_room_count` of the 30 s buckets starting at `times`; rooms ≤ users. */
  onlineCounts(appId: string, times: readonly number[]): { users: number[]; rooms: number[] };
  /** A quality series (percent, two decimals) of the app, or of one of its rooms, at each bucket start. */
  quality(series: string, appId: string, roomId: string | undefined, times: readonly number[]): number[];
  /** User-minutes in `[start, start + widthMs)`, integrated from `onlineUsers`. */
  userMinutes(appId: string, start: number, widthMs: number): number;
  /** The offline indicators of the 1h/1d buckets starting at `starts`, all derived from one integration. */
  offline(appId: string, starts: readonly number[], widthMs: number): OfflineSeries;
}

/** Builds the RTC world over the seeded primitives. */
export function createRtcWorld(world: World): RtcWorld {
  const profileOf = (appId: string): AppProfile => {
    const k = world.key("volcengine", "app", appId);
    return {
      scale: world.appScale(appId),
      usersSlow: world.key("volcengine", "users-slow", appId),
      usersFast: world.key("volcengine", "users-fast", appId),
      rooms: world.key("volcengine", "rooms", appId),
      usersPerRoom: 1.6 + 2.9 * world.unit(k, 1),
      session: world.key("volcengine", "session", appId),
      sessionMinutes: 6 + 20 * world.unit(k, 2),
    };
  };

  const scopeKeysOf = (appId: string, roomId: string | undefined) => {
    const id = roomId === undefined ? appId : `${appId}\u0000${roomId}`;
    return { noise: world.key("volcengine", "quality", id), incident: world.key("volcengine", "incident", id) };
  };

  const seriesKeyOf = (name: string) => world.key("volcengine", "series", name);

  /**
   * `world.noise(key, t, period)` at each of `times`, computing each lattice value once: ascending
   * bucket starts share lattice cells, and hashing dominates the cost. Same numbers as world.noise.
   */
  const noiseAlong = (key: number, times: readonly number[], periodMs: number): Float64Array => {
    const out = new Float64Array(times.length);
    let cell = Number.NaN;
    let a = 0;
    let b = 0;
    for (let i = 0; i < times.length; i++) {
      const position = times[i]! / periodMs;
      const c = Math.floor(position);
      if (c !== cell) {
        a = c === cell + 1 ? b : world.unit(key, c) * 2 - 1;
        b = world.unit(key, c + 1) * 2 - 1;
        cell = c;
      }
      const frac = position - c;
      out[i] = a + (b - a) * frac * frac * (3 - 2 * frac);
    }
    return out;
  };

  const usersAlong = (profile: AppProfile, times: readonly number[]): number[] => {
    const slow = noiseAlong(profile.usersSlow, times, 15 * MINUTE);
    const fast = noiseAlong(profile.usersFast, times, 90_000);
    const out = new Array<number>(times.length);
    for (let i = 0; i < times.length; i++) {
      out[i] = profile.scale * world.rhythm(times[i]!, DEFAULT_UTC_OFFSET_MINUTES) * (1 + 0.06 * slow[i]! + 0.02 * fast[i]!);
    }
    return out;
  };

  // An incident makes every quality series of a scope worse for a 10-minute cell, ~2 % of cells.
  const incidentFactor = (key: number, t: number) => {
    const cell = Math.floor(t / INCIDENT_CELL);
    return world.unit(key, cell) < 0.02 ? 3 + 5 * world.unit(key ^ 0x5bd1e995, cell) : 1;
  };

  const badShares = (name: string, appId: string, roomId: string | undefined, times: readonly number[]): Float64Array => {
    const model = QUALITY_MODELS[name];
    if (model === undefined) throw new Error(`no quality model for series ${name}`);
    if (model.derivedFrom !== undefined) {
      const parent = badShares(model.derivedFrom.name, appId, roomId, times);
      for (let i = 0; i < parent.length; i++) parent[i] = parent[i]! * model.derivedFrom.factor;
      return parent;
    }
    const keys = scopeKeysOf(appId, roomId);
    // A room is a small sample: noisier and a little worse than the app average.
    const amplitude = roomId === undefined ? 0.35 : 0.6;
    const base = roomId === undefined ? model.baseBad : model.baseBad * 1.2;
    const seriesKey = keys.noise ^ seriesKeyOf(name);
    // Slow drift plus bucket-to-bucket jitter, so neighbouring 30 s points differ a little.
    const drift = noiseAlong(seriesKey, times, 5 * MINUTE);
    const jitter = noiseAlong(seriesKey ^ 0x27d4eb2f, times, 45_000);
    const out = new Float64Array(times.length);
    let incidentCell = Number.NaN;
    let incident = 1;
    for (let i = 0; i < times.length; i++) {
      const t = times[i]!;
      const cell = Math.floor(t / INCIDENT_CELL);
      if (cell !== incidentCell) {
        incident = incidentFactor(keys.incident, t);
        incidentCell = cell;
      }
      const load = 0.75 + 0.5 * world.rhythm(t, DEFAULT_UTC_OFFSET_MINUTES);
      out[i] = base * load * (1 + amplitude * drift[i]! + 0.12 * jitter[i]!) * incident;
    }
    return out;
  };

  /** User-minutes of each bucket `[start, start + widthMs)`: the online-user curve sampled every 5 minutes, in one pass. */
  const userMinutesOf = (appId: string, starts: readonly number[], widthMs: number): Float64Array => {
    const perBucket = Math.max(1, Math.round(widthMs / INTEGRATION_STEP));
    const samples = new Array<number>(starts.length * perBucket);
    for (let b = 0; b < starts.length; b++)
      for (let j = 0; j < perBucket; j++) samples[b * perBucket + j] = starts[b]! + INTEGRATION_STEP / 2 + j * INTEGRATION_STEP;
    const users = usersAlong(profileOf(appId), samples);
    const out = new Float64Array(starts.length);
    for (let b = 0; b < starts.length; b++) {
      let total = 0;
      for (let j = 0; j < perBucket; j++) total += users[b * perBucket + j]!;
      out[b] = total * (INTEGRATION_STEP / MINUTE);
    }
    return out;
  };

  return {
    onlineUsers: (appId, times) => usersAlong(profileOf(appId), times),
    onlineCounts(appId, times) {
      const profile = profileOf(appId);
      const online = usersAlong(profile, times);
      const perRoomNoise = noiseAlong(profile.rooms, times, 20 * MINUTE);
      const users = new Array<number>(times.length);
      const rooms = new Array<number>(times.length);
      for (let i = 0; i < times.length; i++) {
        const count = Math.round(online[i]!);
        users[i] = count;
        rooms[i] = Math.min(count, Math.round(count / (profile.usersPerRoom * (1 + 0.08 * perRoomNoise[i]!))));
      }
      return { users, rooms };
    },
    quality(series, appId, roomId, times) {
      const stall = QUALITY_MODELS[series]?.kind === "stall";
      const bad = badShares(series, appId, roomId, times);
      const out = new Array<number>(times.length);
      for (let i = 0; i < times.length; i++) {
        const share = Math.min(100, Math.max(0, bad[i]!));
        out[i] = round2(stall ? share : 100 - share);
      }
      return out;
    },
    userMinutes: (appId, start, widthMs) => userMinutesOf(appId, [start], widthMs)[0]!,
    offline(appId, starts, widthMs) {
      const profile = profileOf(appId);
      const perUser = SESSIONS_PER_USER[widthMs] ?? 1;
      const calls = noiseAlong(profile.session, starts, 6 * HOUR);
      const minutes = userMinutesOf(appId, starts, widthMs);
      const series: OfflineSeries = { per_call_time: [], avg_call_time: [], user_count: [] };
      for (let i = 0; i < starts.length; i++) {
        const callMinutes = profile.sessionMinutes * (1 + 0.08 * calls[i]!);
        const userCount = Math.max(minutes[i]! > 0 ? 1 : 0, Math.round(minutes[i]! / callMinutes / perUser));
        series.avg_call_time.push(round2(callMinutes));
        series.user_count.push(userCount);
        series.per_call_time.push(userCount === 0 ? 0 : round2(minutes[i]! / userCount));
      }
      return series;
    },
  };
}
