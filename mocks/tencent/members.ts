import type { Faker } from "@faker-js/faker";
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

/** Role of the i-th member: one teacher, an assistant from 12 members, a supervisor from 30 (assumed class shape). */
function roleOf(index: number, count: number): number {
  if (index === 0) return TEACHER;
  if (index === 1 && count >= 12) return ASSISTANT;
  if (index === 2 && count >= 30) return SPECTATOR;
  return STUDENT;
}

/**
 * Generates every member record of a room that is over, deterministically: `faker` is seeded with
 * `seed` first, and nothing else feeds the generator. Invariants (tested): FirstJoin/LastQuit lie
 * within [RealStartTime, RealEndTime]; PresentTime ≤ LastQuit − FirstJoin; absentees (CurrentState 0)
 * have zero times and counts; Mic is 1 exactly when the member went on mic or teaches.
 */
export function generateMemberRecords(plan: MemberPlan, seed: number, faker: Faker): FullMemberRecord[] {
  faker.seed(seed);
  const n = plan.memberCount;
  const roles = Array.from({ length: n }, (_, i) => roleOf(i, n));
  const absent = new Set<number>();
  if (plan.realStartTime === null || plan.realEndTime === null) {
    for (let i = 0; i < n; i++) absent.add(i);
  } else {
    // The teacher always attends; absentees are drawn from the others, students first.
    const students = roles.flatMap((role, i) => (role === STUDENT ? [i] : []));
    const others = roles.flatMap((role, i) => (role !== STUDENT && role !== TEACHER ? [i] : []));
    const pool = [...faker.helpers.shuffle(students), ...faker.helpers.shuffle(others)];
    for (const i of pool.slice(0, Math.min(plan.absentCount, pool.length))) absent.add(i);
  }

  const records: FullMemberRecord[] = [];
  for (let i = 0; i < n; i++) {
    const role = roles[i]!;
    const identity = {
      UserId: faker.string.alphanumeric(27),
      UserName: faker.person.fullName(),
    };
    const group = {
      GroupId: plan.groupId,
      SubGroupId: plan.subGroupIds.length > 0 ? [faker.helpers.arrayElement(plan.subGroupIds)] : null,
    };
    if (absent.has(i) || plan.realStartTime === null || plan.realEndTime === null) {
      records.push({
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
        Role: role as FullMemberRecord["Role"],
        ...group,
        Stage: 0,
        CurrentState: 0,
      });
      continue;
    }
    const start = plan.realStartTime;
    const end = plan.realEndTime;
    const duration = end - start;
    const edge = Math.max(0, Math.floor(duration / 20));
    let join: number;
    let quit: number;
    if (role === TEACHER) {
      join = start + faker.number.int({ min: 0, max: Math.min(60, edge) });
      quit = end - faker.number.int({ min: 0, max: Math.min(30, edge) });
    } else {
      const late = faker.datatype.boolean({ probability: 0.2 });
      join = start + faker.number.int({ min: 0, max: late ? Math.floor(duration / 2) : edge });
      const leavesEarly = faker.datatype.boolean({ probability: 0.25 });
      quit = leavesEarly ? faker.number.int({ min: join, max: end }) : end - faker.number.int({ min: 0, max: Math.min(120, edge) });
    }
    if (quit < join) quit = join;
    const span = quit - join;
    // Reconnects leave gaps: PresentTime is the span minus up to 15 % for some members.
    const gap = faker.datatype.boolean({ probability: 0.3 }) ? faker.number.int({ min: 0, max: Math.floor(span * 0.15) }) : 0;
    const isStudent = role === STUDENT;
    const micCount = isStudent && faker.datatype.boolean({ probability: 0.45 }) ? faker.number.int({ min: 1, max: 4 }) : 0;
    const messages =
      role === TEACHER
        ? faker.number.int({ min: 5, max: 40 })
        : role === ASSISTANT
          ? faker.number.int({ min: 0, max: 30 })
          : role === SPECTATOR
            ? faker.number.int({ min: 0, max: 3 })
            : faker.number.int({ min: 0, max: 20 });
    const leftState = faker.helpers.weightedArrayElement([
      { weight: 97, value: 2 },
      { weight: 2, value: 3 },
      { weight: 1, value: 4 },
    ]);
    records.push({
      ...identity,
      PresentTime: span - gap,
      Camera: role === TEACHER || (isStudent && faker.datatype.boolean({ probability: 0.6 })) ? 1 : 0,
      Mic: role === TEACHER || role === ASSISTANT || micCount > 0 ? 1 : 0,
      Silence: isStudent && faker.datatype.boolean({ probability: 0.05 }) ? 1 : 0,
      AnswerQuestions: isStudent ? faker.number.int({ min: 0, max: 6 }) : 0,
      HandUps: isStudent ? micCount + faker.number.int({ min: 0, max: 3 }) : 0,
      FirstJoinTimestamp: join,
      LastQuitTimestamp: quit,
      Rewords: isStudent ? faker.number.int({ min: 0, max: 5 }) : 0,
      IPAddress: faker.internet.ipv4(),
      Location: faker.helpers.arrayElement(CITIES),
      Device: faker.helpers.weightedArrayElement(DEVICE_WEIGHTS) as FullMemberRecord["Device"],
      PerMemberMicCount: micCount,
      PerMemberMessageCount: messages,
      Role: role as FullMemberRecord["Role"],
      ...group,
      Stage: role === TEACHER || micCount > 0 ? 1 : 0,
      CurrentState: leftState as FullMemberRecord["CurrentState"],
    });
  }
  return records;
}
