import { z } from "zod";

/** Most rooms one registry holds (seeded rooms included); adding more throws. Bounds memory. */
export const MAX_ROOMS = 10_000;

/** Most member records one room may have (absentees included); a statistics page stays cheap. */
export const MAX_MEMBERS_PER_ROOM = 5_000;

/** Latest accepted time: 9999-12-31T23:59:59Z in Unix seconds, past the mock clock's range, so seeded rooms fit at its end. */
const MAX_UNIX_SEC = 253_402_300_799;

const unixSec = (what: string) =>
  z
    .int()
    .min(0)
    .max(MAX_UNIX_SEC)
    .meta({ description: `${what}, Unix seconds` });

/**
 * A room as users describe it (control API `POST /__mock/rooms`, MSW `rooms.add`, or code). Only
 * the schedule is required. `realStartTime` defaults to `startTime` (null: the room never starts, so
 * it expires at `endTime`); `realEndTime` defaults to `endTime` (null: once started, the room stays
 * live). Member counts default to a seeded size.
 */
export const RoomSpec = z
  .strictObject({
    roomId: z.int().min(1).max(Number.MAX_SAFE_INTEGER).optional().meta({ description: "Room ID; default: the next free id from 20001" }),
    name: z.string().max(256).optional(),
    startTime: unixSec("Scheduled start"),
    endTime: unixSec("Scheduled end"),
    realStartTime: unixSec("Actual start (default startTime; null: never starts)").nullable().optional(),
    realEndTime: unixSec("Actual end (default endTime; null: stays live)").nullable().optional(),
    memberCount: z
      .int()
      .min(0)
      .max(MAX_MEMBERS_PER_ROOM)
      .optional()
      .meta({ description: `Member records including absentees (default: seeded 8–60; at most ${MAX_MEMBERS_PER_ROOM})` }),
    absentCount: z.int().min(0).optional().meta({ description: "How many of them never entered (default: seeded 5–20 %)" }),
    groupId: z.string().max(64).optional().meta({ description: "GroupId of every member (default empty)" }),
    subGroupIds: z
      .array(z.string().max(64))
      .max(50)
      .optional()
      .meta({ description: "Sub-groups members are spread over (default none: SubGroupId null)" }),
  })
  .superRefine((spec, ctx) => {
    if (spec.endTime <= spec.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: "endTime must be after startTime" });
    if (spec.realStartTime === null && spec.realEndTime !== undefined && spec.realEndTime !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["realEndTime"],
        message: "a room that never starts (realStartTime null) cannot have a realEndTime",
      });
    }
    // Actual times default to the schedule, which the check above already covers.
    const explicit = spec.realStartTime !== undefined || spec.realEndTime !== undefined;
    const realStart = spec.realStartTime === undefined ? spec.startTime : spec.realStartTime;
    const realEnd = spec.realEndTime === undefined ? (realStart === null ? null : spec.endTime) : spec.realEndTime;
    if (explicit && realStart !== null && realEnd !== null && realEnd <= realStart) {
      ctx.addIssue({ code: "custom", path: ["realEndTime"], message: "realEndTime must be after realStartTime" });
    }
    if (spec.memberCount !== undefined && spec.absentCount !== undefined && spec.absentCount > spec.memberCount) {
      ctx.addIssue({ code: "custom", path: ["absentCount"], message: "absentCount cannot exceed memberCount" });
    }
  });

/** A validated room spec. */
export type RoomSpec = z.infer<typeof RoomSpec>;

/** Turns a zod error into one readable line per problem, e.g. `endTime: endTime must be after startTime`. */
export function describeRoomSpecError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join(".") : "room";
      if (issue.code === "unrecognized_keys") return `${where}: unknown field(s) ${issue.keys.join(", ")}`;
      return `${where}: ${issue.message}`;
    })
    .join("; ");
}
