import type { z } from "zod";
import type { MockOptions } from "../../mocks/options.js";
import { configFileSchema } from "../config/config-file.js";
import { ControlError } from "../control/control-error.js";
import { parseFaultSpec } from "../fault-spec.js";

/**
 * The body of `POST /__mock/sessions`: the config file's keys for the engine, with the same meaning
 * (`seed`, `clock`, `auth`, `rateLimits`, `faults`, and the vendor switches `volcengine`, `zego`,
 * `tencent`). Every key is optional.
 */
export const sessionSpecSchema = configFileSchema
  .pick({
    seed: true,
    clock: true,
    auth: true,
    rateLimits: true,
    faults: true,
    volcengine: true,
    zego: true,
    tencent: true,
  })
  .meta({
    id: "SessionSpec",
    description:
      "Engine settings of the new session, as in the config file; a key left out takes the server's configured value (not its current state).",
  });

/** A session's settings as given (before defaults). */
export type SessionSpec = z.input<typeof sessionSpecSchema>;
/** A session's settings once validated. */
export type SessionSpecOutput = z.output<typeof sessionSpecSchema>;

/**
 * The engine options of a new session: the server's configured options with the given keys
 * replacing them. Credentials given for one vendor replace that vendor's, a vendor switch given
 * replaces that switch; the others stay the server's. A clock the server shares (a `Clock` object) is not shared: the session starts its
 * own at the same instant, running or frozen alike.
 */
export function sessionMockOptions(base: MockOptions, spec: SessionSpecOutput): MockOptions {
  let faults = base.faults;
  if (spec.faults !== undefined) {
    try {
      faults = spec.faults.map(parseFaultSpec);
    } catch (cause) {
      throw new ControlError(400, `Invalid body: faults: ${(cause as Error).message}`);
    }
  }
  const baseClock = base.clock !== undefined && "now" in base.clock ? { start: base.clock.now(), frozen: base.clock.frozen } : base.clock;
  const mode = spec.auth?.mode ?? base.auth?.mode;
  return {
    ...base,
    ...(spec.seed !== undefined ? { seed: spec.seed } : {}),
    ...(baseClock !== undefined || spec.clock !== undefined ? { clock: spec.clock ?? baseClock } : {}),
    ...(spec.rateLimits !== undefined ? { rateLimits: spec.rateLimits } : {}),
    ...(faults !== undefined ? { faults } : {}),
    // A vendor switch given replaces that switch only.
    ...(spec.volcengine !== undefined ? { volcengine: { ...base.volcengine, ...spec.volcengine } } : {}),
    ...(spec.zego !== undefined ? { zego: { ...base.zego, ...spec.zego } } : {}),
    ...(spec.tencent !== undefined ? { tencent: { ...base.tencent, ...spec.tencent } } : {}),
    auth: {
      ...(mode !== undefined ? { mode } : {}),
      credentials: { ...base.auth?.credentials, ...spec.auth?.credentials },
    },
  };
}
