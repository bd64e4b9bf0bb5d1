// The zh_CN entry point is faker with the locales [zh_CN, en, base] only; the package root loads all
// ~70 locales. Only its name lists are used: drawing with faker itself costs ~35 µs a record.
import { faker } from "@faker-js/faker/locale/zh_CN";
import type { World } from "../core/world.js";
import type { MemberRecord } from "../../schemas/tencent/member-record.js";

/** A member record with all 21 fields present (the fake always sends them all). */
export type FullMemberRecord = Required<MemberRecord>;

/** What member generation needs to know about a room that is over. */
export interface MemberPlan {
  memberCount: number;
  absentCount: number;
  /** Null: the room never started, so every member is absent. */
  realStartTime: number | null;
  realEndTime: number | null;
  groupId: string;
  subGroupIds: readonly string[];
}

// Location is free text; the Chinese doc example uses lower-case pinyin ("beijing").
const CITIES = [
  "beijing",
  "shanghai",
  "guangzhou",
  "shenzhen",
  "hangzhou",
  "chengdu",
  "wuhan",
  "nanjing",
  "xian",
  "chongqing",
  "tianjin",
  "suzhou",
  "changsha",
  "zhengzhou",
  "qingdao",
  "xiamen",
  "hefei",
  "kunming",
  "shenyang",
  "fuzhou",
] as const;

// Platform mix of an online class (assumed): desktop clients and phones dominate.
const DEVICE_WEIGHTS = [
  { weight: 2, value: 0 },
  { weight: 25, value: 1 },
  { weight: 10, value: 2 },
  { weight: 20, value: 3 },
  { weight: 20, value: 4 },
  { weight: 12, value: 5 },
  { weight: 5, value: 6 },
  { weight: 6, value: 7 },
] as const;

const TEACHER = 1;
const ASSISTANT = 2;
const SPECTATOR = 3;
const STUDENT = 0;

// Plain copies: indexing faker's definitions directly costs ~20 µs a record.
const LAST_NAMES: readonly string[] = [
  ...((faker.rawDefinitions.person?.last_name as { generic?: string[] } | undefined)?.generic ?? ["王"]),
];
const FIRST_NAMES: readonly string[] = [
  ...((faker.rawDefinitions.person?.first_name as { generic?: string[] } | undefined)?.generic ?? ["伟"]),
];
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Role of the i-th member: one teacher, an assistant from 12 members, a supervisor from 30 (assumed class shape). */
function roleOf(index: number, count: number): number {
  if (index === 0) return TEACHER;
  if (index === 1 && count >= 12) return ASSISTANT;
  if (index === 2 && count >= 30) return SPECTATOR;
  return STUDENT;
}

/** The numbers of one member that the room's aggregates read. */
export interface MemberCore {
  role: number;
  absent: boolean;
  join: number;
  quit: number;
  micCount: number;
  messages: number;
}

/**
 * A room's members as pure functions of (room key, member index): any page is built without
 * building the others, and the room-wide aggregates read only the cheap numeric core.
 */
export interface RoomMembers {
  readonly count: number;
  core(index: number): MemberCore;
  record(index: number): FullMemberRecord;
}

/**
 * The members of a room that is over. Deterministic: every draw is `world.unit(key, …)` of the
 * member index. Invariants (tested): FirstJoin/LastQuit lie within [RealStartTime, RealEndTime];
 * PresentTime ≤ LastQuit − FirstJoin; absentees (CurrentState 0) have zero times and counts; Mic is
 * 1 exactly when the member went on mic or teaches; exactly min(absentCount, members − 1) absentees,
 * students first, never the teacher.
 */
export function roomMembers(plan: MemberPlan, world: World, key: number): RoomMembers {
  const n = plan.memberCount;
  const started = plan.realStartTime !== null && plan.realEndTime !== null;
  // Member i's draw j; 32 draws per member.
  const unit = (i: number, j: number) => world.unit(key, i * 32 + j);
  const int = (i: number, j: number, min: number, max: number) => min + Math.floor(unit(i, j) * (max - min + 1));
  const chance = (i: number, j: number, probability: number) => unit(i, j) < probability;

  // Absentees: the students (then the other non-teachers) with the lowest draw.
  const absent = new Set<number>();
  if (!started) for (let i = 0; i < n; i++) absent.add(i);
  else if (plan.absentCount > 0) {
    const candidates = Array.from({ length: n }, (_, i) => ({ i, other: roleOf(i, n) !== STUDENT, draw: unit(i, 0) })).filter(
      ({ i }) => roleOf(i, n) !== TEACHER,
    );
    candidates.sort((a, b) => Number(a.other) - Number(b.other) || a.draw - b.draw);
    for (const { i } of candidates.slice(0, plan.absentCount)) absent.add(i);
  }

  const core = (i: number): MemberCore => {
    const role = roleOf(i, n);
    if (absent.has(i) || !started) return { role, absent: true, join: 0, quit: 0, micCount: 0, messages: 0 };
    const start = plan.realStartTime!;
    const end = plan.realEndTime!;
    const duration = end - start;
    const edge = Math.max(0, Math.floor(duration / 20));
    let join: number;
    let quit: number;
    if (role === TEACHER) {
      join = start + int(i, 1, 0, Math.min(60, edge));
      quit = end - int(i, 2, 0, Math.min(30, edge));
    } else {
      const late = chance(i, 3, 0.2);
      join = start + int(i, 1, 0, late ? Math.floor(duration / 2) : edge);
      quit = chance(i, 4, 0.25) ? int(i, 2, join, end) : end - int(i, 2, 0, Math.min(120, edge));
    }
    if (quit < join) quit = join;
    const micCount = role === STUDENT && chance(i, 5, 0.45) ? int(i, 6, 1, 4) : 0;
    const maxMessages = role === TEACHER ? 40 : role === ASSISTANT ? 30 : role === SPECTATOR ? 3 : 20;
    const messages = int(i, 7, role === TEACHER ? 5 : 0, maxMessages);
    return { role, absent: false, join, quit, micCount, messages };
  };

  // 27 alphanumerics, like the doc example's UserId, from a stream of their own.
  const userIdOf = (i: number) => {
    let id = "";
    for (let j = 0; j < 27; j++) id += ALPHANUMERIC[Math.floor(world.unit(key ^ 0x9e3779b9, i * 27 + j) * ALPHANUMERIC.length)];
    return id;
  };

  const record = (i: number): FullMemberRecord => {
    const c = core(i);
    const identity = {
      UserId: userIdOf(i),
      UserName: LAST_NAMES[int(i, 9, 0, LAST_NAMES.length - 1)]! + FIRST_NAMES[int(i, 10, 0, FIRST_NAMES.length - 1)]!,
    };
    const group = {
      GroupId: plan.groupId,
      SubGroupId: plan.subGroupIds.length > 0 ? [plan.subGroupIds[int(i, 11, 0, plan.subGroupIds.length - 1)]!] : null,
    };
    const role = c.role as FullMemberRecord["Role"];
    if (c.absent) {
      return {
        ...identity,
        PresentTime: 0,
        Camera: 0,
        Mic: 0,
        Silence: 0,
        AnswerQuestions: 0,
        HandUps: 0,
        FirstJoinTimestamp: 0,
        LastQuitTimestamp: 0,
        Rewords: 0,
        IPAddress: "",
        Location: "",
        Device: 0,
        PerMemberMicCount: 0,
        PerMemberMessageCount: 0,
        Role: role,
        ...group,
        Stage: 0,
        CurrentState: 0,
      };
    }
    const span = c.quit - c.join;
    // Reconnects leave gaps: PresentTime is the span minus up to 15 % for some members.
    const gap = chance(i, 12, 0.3) ? int(i, 13, 0, Math.floor(span * 0.15)) : 0;
    const isStudent = c.role === STUDENT;
    const leftDraw = unit(i, 14);
    return {
      ...identity,
      PresentTime: span - gap,
      Camera: c.role === TEACHER || (isStudent && chance(i, 15, 0.6)) ? 1 : 0,
      Mic: c.role === TEACHER || c.role === ASSISTANT || c.micCount > 0 ? 1 : 0,
      Silence: isStudent && chance(i, 16, 0.05) ? 1 : 0,
      AnswerQuestions: isStudent ? int(i, 17, 0, 6) : 0,
      HandUps: isStudent ? c.micCount + int(i, 18, 0, 3) : 0,
      FirstJoinTimestamp: c.join,
      LastQuitTimestamp: c.quit,
      Rewords: isStudent ? int(i, 19, 0, 5) : 0,
      IPAddress: `${int(i, 20, 1, 223)}.${int(i, 21, 0, 255)}.${int(i, 22, 0, 255)}.${int(i, 23, 1, 254)}`,
      Location: CITIES[int(i, 24, 0, CITIES.length - 1)]!,
      Device: weighted(DEVICE_WEIGHTS, unit(i, 25)) as FullMemberRecord["Device"],
      PerMemberMicCount: c.micCount,
      PerMemberMessageCount: c.messages,
      Role: role,
      ...group,
      Stage: c.role === TEACHER || c.micCount > 0 ? 1 : 0,
      // Left normally (97 %), kicked out (2 %), or left the class for good (1 %).
      CurrentState: (leftDraw < 0.97 ? 2 : leftDraw < 0.99 ? 3 : 4) as FullMemberRecord["CurrentState"],
    };
  };

  return { count: n, core, record };
}

/** The value whose weight band contains `draw` ∈ [0, 1). */
function weighted(choices: readonly { weight: number; value: number }[], draw: number): number {
  const total = choices.reduce((sum, choice) => sum + choice.weight, 0);
  let at = draw * total;
  for (const choice of choices) {
    if (at < choice.weight) return choice.value;
    at -= choice.weight;
  }
  return choices[choices.length - 1]!.value;
}
