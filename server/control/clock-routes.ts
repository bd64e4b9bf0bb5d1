import { toEpochMs, type Clock } from "../../mocks/core/clock.js";
import { parseDurationMs } from "../../mocks/core/duration.js";
import { clockRangeText, inClockRange } from "../../mocks/core/clock-range.js";
import { ControlError } from "./control-error.js";
import { defineControlRoute, type ControlRoute } from "./control-route.js";
import { clockCommandSchema, clockStateSchema } from "./schemas.js";

/** Milliseconds of a duration given as a number or text with a unit (`90s`, `-2h`); a readable 400 when invalid. */
export function durationMs(value: number | string): number {
  try {
    return parseDurationMs(value);
  } catch (cause) {
    throw new ControlError(400, (cause as Error).message);
  }
}

/** Epoch ms of a time given as a number or ISO text; a readable 400 when unparseable. */
export function timeMs(value: number | string): number {
  let ms: number;
  try {
    ms = toEpochMs(value);
  } catch {
    throw new ControlError(400, `Invalid time ${JSON.stringify(value)}: expected epoch ms or ISO 8601 text`);
  }
  if (!inClockRange(ms)) throw new ControlError(400, `Invalid time ${JSON.stringify(value)}: the clock's range is ${clockRangeText}`);
  return ms;
}

/** The clock as the control API reports it. */
export function clockState(clock: Clock): { now: number; iso: string; frozen: boolean } {
  const now = clock.now();
  return { now, iso: new Date(now).toISOString(), frozen: clock.frozen };
}

/** GET and POST /clock. */
export const clockRoutes: ControlRoute[] = [
  defineControlRoute({
    method: "GET",
    path: "/clock",
    summary: "Read the mock clock",
    response: { status: 200, description: "The clock", schema: clockStateSchema },
    handle: (_input, { engine }) => ({ body: clockState(engine.clock) }),
  }),
  defineControlRoute({
    method: "POST",
    path: "/clock",
    summary: "Set, advance, freeze or unfreeze the mock clock (applied in that order)",
    body: clockCommandSchema,
    response: { status: 200, description: "The clock after the change", schema: clockStateSchema },
    handle: ({ body }, { engine }) => {
      const { set, advance, freeze, unfreeze } = body;
      if (set === undefined && advance === undefined && freeze === undefined && unfreeze === undefined) {
        throw new ControlError(400, "Give at least one of set, advance, freeze, unfreeze");
      }
      if (freeze !== undefined && unfreeze !== undefined) throw new ControlError(400, "freeze and unfreeze cannot be combined");
      // Validate everything before touching the clock, so a bad field changes nothing.
      const setTo = set === undefined ? undefined : timeMs(set);
      const advanceBy = advance === undefined ? undefined : durationMs(advance);
      const freezeAt = freeze === undefined || freeze === true ? undefined : timeMs(freeze);
      const clock = engine.clock;
      if (advanceBy !== undefined && !inClockRange((setTo ?? clock.now()) + advanceBy)) {
        throw new ControlError(400, `advance would move the clock out of its range, ${clockRangeText}`);
      }
      if (setTo !== undefined) clock.set(setTo);
      if (advanceBy !== undefined) clock.advance(advanceBy);
      if (freeze !== undefined) clock.freeze(freezeAt);
      if (unfreeze !== undefined) clock.unfreeze();
      return { body: clockState(clock) };
    },
  }),
];
