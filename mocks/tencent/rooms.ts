import type { DescribeRoomStatisticsResult } from "../../schemas/tencent/describe-room-statistics.js";
import type { EngineContext } from "../core/vendor.js";
import { roomMembers } from "./members.js";
import { lcicStatusOf, roomStateAt, statisticsAvailableAt, type RoomState, type RoomTimes } from "./room-lifecycle.js";
import { MAX_MEMBERS_PER_ROOM, MAX_ROOMS, RoomSpec, describeRoomSpecError } from "./room-spec.js";
import { seededRoomSpecs } from "./seeded-rooms.js";
import { statisticsPage } from "./statistics.js";

/** A room as the registry reports it (JSON-serializable), including its state at the current mock time. */
export interface RoomView {
  roomId: number;
  name: string;
  /** Scheduled start and end, Unix seconds. */
  startTime: number;
  endTime: number;
  /** Actual start and end, Unix seconds; null while not (yet) started / ended. */
  realStartTime: number | null;
  realEndTime: number | null;
  /** State at the current mock time: not-started, live, computing (stats pending), ended, expired (never started). */
  state: RoomState;
  /** LCIC's DescribeRoom Status at the current mock time: 0 not started, 1 live, 2 ended, 3 expired. */
  status: 0 | 1 | 2 | 3;
  /** When DescribeRoomStatistics starts answering with statistics; null while the room has no end. */
  statisticsAvailableAt: number | null;
  /** Member records (Total), including absentees. */
  memberCount: number;
  absentCount: number;
  groupId: string;
  subGroupIds: string[];
  /** Created by the registry itself (see docs/tencent.md), not by a user. */
  seeded: boolean;
}

/** What DescribeRoomStatistics finds for a room at the current mock time. */
export type StatisticsLookup =
  | { kind: "ok"; cacheKey: string; page: () => DescribeRoomStatisticsResult }
  | { kind: "not-found" }
  | { kind: "not-ended" }
  | { kind: "computing" };

/** The Tencent LCIC rooms DescribeRoomStatistics reports on. The control API and MSW layers call it. */
export interface RoomRegistry {
  /** Every room, by ascending RoomId. */
  list(): RoomView[];
  get(roomId: number): RoomView | undefined;
  /** Adds a room from untrusted JSON (see `RoomSpec`); throws an Error with a readable message when invalid. */
  add(spec: unknown): RoomView;
  remove(roomId: number): boolean;
  /** Removes user rooms and re-creates the seeded ones relative to the current mock time. */
  reset(): void;
  /** Statistics page of a room, or why there is none, at the current mock time. */
  statistics(roomId: number, page: number, limit: number): StatisticsLookup;
  readonly size: number;
  readonly maxRooms: number;
  readonly maxMembersPerRoom: number;
}

interface RoomRecord extends RoomTimes {
  roomId: number;
  name: string;
  memberCount: number;
  absentCount: number;
  groupId: string;
  subGroupIds: string[];
  seeded: boolean;
}

const FIRST_USER_ROOM_ID = 20_001;

/** Creates the registry; seeded rooms (options.tencent.seedRooms) are laid out around the current mock time. */
export function createRoomRegistry(ctx: EngineContext): RoomRegistry {
  const rooms = new Map<number, RoomRecord>();
  let nextId = FIRST_USER_ROOM_ID;

  const nowSec = () => Math.floor(ctx.clock.now() / 1000);
  const delaySec = () => ctx.options.tencent.statisticsDelaySec;

  const toRecord = (spec: RoomSpec, seeded: boolean, roomId: number): RoomRecord => {
    const realStartTime = spec.realStartTime === undefined ? spec.startTime : spec.realStartTime;
    const realEndTime = spec.realEndTime === undefined ? (realStartTime === null ? null : spec.endTime) : spec.realEndTime;
    // Sizes the user left open are seeded per RoomId, so they do not depend on insertion order.
    const sizeKey = ctx.world.key("tencent:room-size", roomId);
    const memberCount = spec.memberCount ?? 8 + Math.floor(ctx.world.unit(sizeKey, 0) * 53);
    const absentDefault = Math.round(memberCount * (0.05 + ctx.world.unit(sizeKey, 1) * 0.15));
    return {
      roomId,
      name: spec.name ?? `Room ${roomId}`,
      startTime: spec.startTime,
      endTime: spec.endTime,
      realStartTime,
      realEndTime,
      memberCount,
      absentCount: Math.min(spec.absentCount ?? absentDefault, memberCount),
      groupId: spec.groupId ?? "",
      subGroupIds: spec.subGroupIds ?? [],
      seeded,
    };
  };

  const view = (room: RoomRecord): RoomView => {
    const now = nowSec();
    const state = roomStateAt(room, now, delaySec());
    return {
      roomId: room.roomId,
      name: room.name,
      startTime: room.startTime,
      endTime: room.endTime,
      realStartTime: room.realStartTime !== null && room.realStartTime <= now ? room.realStartTime : null,
      realEndTime: room.realEndTime !== null && room.realEndTime <= now ? room.realEndTime : null,
      state,
      status: lcicStatusOf(room, now),
      statisticsAvailableAt: statisticsAvailableAt(room, delaySec()),
      memberCount: room.memberCount,
      absentCount: room.realStartTime === null ? room.memberCount : room.absentCount,
      groupId: room.groupId,
      subGroupIds: [...room.subGroupIds],
      seeded: room.seeded,
    };
  };

  // Everything member generation reads: identical rooms (e.g. the seeded ones again after a reset
  // on a frozen clock) have the same records.
  const generationKey = (room: RoomRecord) =>
    JSON.stringify([room.roomId, room.memberCount, room.absentCount, room.realStartTime, room.realEndTime, room.groupId, room.subGroupIds]);

  // Members are drawn lazily from this key: a page builds only its own records (the engine caches the page's bytes).
  const membersOf = (room: RoomRecord) =>
    roomMembers(
      room,
      ctx.world,
      ctx.world.key(
        "tencent:room-members",
        room.roomId,
        room.memberCount,
        room.absentCount,
        room.realStartTime ?? -1,
        room.realEndTime ?? -1,
      ),
    );

  const insert = (spec: RoomSpec, seeded: boolean): RoomRecord => {
    if (rooms.size >= MAX_ROOMS)
      throw new Error(`Too many rooms: the registry holds at most ${MAX_ROOMS}; remove some (DELETE /__mock/rooms/:roomId) or reset first`);
    let roomId = spec.roomId;
    if (roomId === undefined) {
      while (rooms.has(nextId)) nextId++;
      roomId = nextId++;
    } else if (rooms.has(roomId)) {
      throw new Error(`Room ${roomId} already exists; remove it first or pick another roomId`);
    }
    const room = toRecord(spec, seeded, roomId);
    rooms.set(roomId, room);
    return room;
  };

  const seed = () => {
    if (!ctx.options.tencent.seedRooms) return;
    for (const spec of seededRoomSpecs(nowSec(), delaySec())) insert(RoomSpec.parse(spec), true);
  };

  const clear = () => {
    rooms.clear();
    nextId = FIRST_USER_ROOM_ID;
  };

  seed();

  return {
    list: () => [...rooms.values()].sort((a, b) => a.roomId - b.roomId).map(view),
    get(roomId) {
      const room = rooms.get(roomId);
      return room === undefined ? undefined : view(room);
    },
    add(spec) {
      const parsed = RoomSpec.safeParse(spec);
      if (!parsed.success) throw new Error(`Invalid room: ${describeRoomSpecError(parsed.error)}`);
      return view(insert(parsed.data, false));
    },
    remove(roomId) {
      return rooms.delete(roomId);
    },
    reset() {
      clear();
      seed();
    },
    statistics(roomId, page, limit) {
      const room = rooms.get(roomId);
      if (room === undefined) return { kind: "not-found" };
      const state = roomStateAt(room, nowSec(), delaySec());
      if (state === "not-started" || state === "live") return { kind: "not-ended" };
      if (state === "computing") return { kind: "computing" };
      return {
        kind: "ok",
        cacheKey: JSON.stringify([generationKey(room), page, limit]),
        page: () => statisticsPage(membersOf(room), room, page, limit),
      };
    },
    get size() {
      return rooms.size;
    },
    maxRooms: MAX_ROOMS,
    maxMembersPerRoom: MAX_MEMBERS_PER_ROOM,
  };
}
