import { z } from "zod";
import type { Sourced } from "../common/sourced.js";
import { tencentSources as src } from "./sources.js";

/** One value of a documented integer enum, with its meaning and provenance. */
export interface EnumValueDefinition extends Sourced {
  value: number;
  /** Short English name. */
  name: string;
  /** What the value means, in the vendor's words (translated where the source is Chinese). */
  meaning: string;
}

const sdkEnums = `${src.nodeSdkModels}; ${src.goSdkModels}; ${src.intlSdkModels}`;

/** MemberRecord.Device — the member's platform (identical in the Node, Go and intl SDK models). */
export const memberDevices = [
  { value: 0, name: "Unknown", meaning: "unknown device", fidelity: "documented", source: sdkEnums },
  { value: 1, name: "Windows", meaning: "Windows client", fidelity: "documented", source: sdkEnums },
  { value: 2, name: "macOS", meaning: "macOS client", fidelity: "documented", source: sdkEnums },
  { value: 3, name: "Android", meaning: "Android app", fidelity: "documented", source: sdkEnums },
  { value: 4, name: "iOS", meaning: "iOS app", fidelity: "documented", source: sdkEnums },
  { value: 5, name: "Web", meaning: "web (desktop browser)", fidelity: "documented", source: sdkEnums },
  { value: 6, name: "H5", meaning: "mobile web page (H5)", fidelity: "documented", source: sdkEnums },
  { value: 7, name: "MiniProgram", meaning: "Weixin Mini Program", fidelity: "documented", source: sdkEnums },
] as const satisfies readonly EnumValueDefinition[];

/** MemberRecord.Role — 0 student, 1 teacher, 2 teaching assistant, 3 supervisor ("巡课"). */
export const memberRoles = [
  { value: 0, name: "Student", meaning: "student", fidelity: "documented", source: `${src.nodeSdkModels}; ${src.rubyMemberRecord}` },
  { value: 1, name: "Teacher", meaning: "teacher", fidelity: "documented", source: `${src.nodeSdkModels}; ${src.rubyMemberRecord}` },
  {
    value: 2,
    name: "Assistant",
    meaning: "teaching assistant",
    fidelity: "documented",
    source: `${src.nodeSdkModels}; ${src.rubyMemberRecord}`,
  },
  {
    value: 3,
    name: "Spectator",
    meaning: "supervisor / class inspector (巡课; the English SDK says Spectator)",
    fidelity: "documented",
    source: `${src.nodeSdkModels}; ${src.intlSdkModels}`,
  },
] as const satisfies readonly EnumValueDefinition[];

/** MemberRecord.CurrentState — the member's state (the newest MemberRecord field). */
export const memberStates = [
  {
    value: 0,
    name: "Absent",
    meaning: "not arrived (expected but absent; counted in Total)",
    fidelity: "documented",
    source: `${src.nodeSdkModels}; ${src.rubyMemberRecord}`,
  },
  { value: 1, name: "Online", meaning: "online", fidelity: "documented", source: `${src.nodeSdkModels}; ${src.rubyMemberRecord}` },
  { value: 2, name: "Offline", meaning: "offline (left)", fidelity: "documented", source: `${src.nodeSdkModels}; ${src.rubyMemberRecord}` },
  { value: 3, name: "Kicked", meaning: "kicked out", fidelity: "documented", source: `${src.nodeSdkModels}; ${src.rubyMemberRecord}` },
  {
    value: 4,
    name: "KickedPermanently",
    meaning: "permanently kicked out",
    fidelity: "documented",
    source: `${src.nodeSdkModels}; ${src.rubyMemberRecord}`,
  },
  {
    value: 5,
    name: "Disconnected",
    meaning: "temporarily disconnected",
    fidelity: "documented",
    source: `${src.nodeSdkModels}; ${src.rubyMemberRecord}`,
  },
] as const satisfies readonly EnumValueDefinition[];

/** The wire schema of an integer enum catalog: exactly its values. */
function enumOf<const T extends readonly EnumValueDefinition[]>(catalog: T, description: string) {
  const values = catalog.map((entry) => entry.value) as [T[number]["value"], ...T[number]["value"][]];
  const legend = catalog.map((entry) => `${entry.value} ${entry.meaning}`).join(", ");
  return z.literal(values).meta({ description: `${description}: ${legend}` });
}

const uint = () => z.int().min(0);
/** Camera/Mic/Silence are documented as "whether …" integers; 0/1 is implied, never enumerated, so any uint passes. */
const flag = (what: string) =>
  uint().meta({ description: `Whether ${what} (1 yes, 0 no; the value set is implied by the docs, not enumerated)` });

/**
 * One member of a room: all 21 fields of the SDK models, in their order. Fields 1–14 are the
 * documented example's (required); 15–21 were added to the API later and are optional here so
 * that older recordings and the doc example validate (the fake server always sends all 21).
 * `Rewords` is the vendor's spelling of "Rewards" and is kept verbatim.
 * https://www.tencentcloud.com/document/api/1168/52791
 */
export const MemberRecord = z
  .object({
    UserId: z.string().meta({ description: "User ID" }),
    UserName: z.string().meta({ description: "User display name" }),
    PresentTime: uint().meta({ description: "Time online in the room, seconds" }),
    Camera: flag("the camera was on"),
    Mic: flag("the microphone was on"),
    Silence: flag("the member was muted from chatting (禁言)"),
    AnswerQuestions: uint().meta({ description: "Number of questions answered" }),
    HandUps: uint().meta({ description: "Number of hand raises" }),
    FirstJoinTimestamp: uint().meta({ description: "First time the member entered, Unix seconds (0 when absent)" }),
    LastQuitTimestamp: uint().meta({ description: "Last time the member left, Unix seconds (0 when absent)" }),
    Rewords: uint().meta({ description: "Number of rewards received (vendor spelling of Rewards, kept verbatim)" }),
    IPAddress: z.string().meta({ description: "Member IP address" }),
    Location: z.string().meta({ description: "Member location, free text (e.g. beijing)" }),
    Device: enumOf(memberDevices, "Device"),
    PerMemberMicCount: z.int().min(0).optional().meta({ description: "How many times this member went on mic (上麦次数)" }),
    PerMemberMessageCount: z.int().min(0).optional().meta({ description: "Messages this member sent" }),
    Role: enumOf(memberRoles, "Role").optional(),
    GroupId: z.string().optional().meta({ description: "Class (group) number (上课班号)" }),
    SubGroupId: z.array(z.string()).nullable().optional().meta({ description: "Sub-class numbers; may be null" }),
    Stage: z.int().min(0).nullable().optional().meta({ description: "Whether the member went on stage: 0 no, 1 yes; may be null" }),
    CurrentState: enumOf(memberStates, "CurrentState").optional(),
  })
  .meta({ description: "LCIC MemberRecord (DescribeRoomStatistics / DescribeCurrentMemberList)" });

/** A member record as it travels on the wire. */
export type MemberRecord = z.infer<typeof MemberRecord>;
