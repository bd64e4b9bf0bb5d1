import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { defaultTencentOptions } from "../../mocks/tencent/options.js";
import { defaultVolcengineOptions } from "../../mocks/volcengine/options.js";
import { defaultZegoOptions, zegoOptionValues } from "../../mocks/zego/options.js";
import { describeIssues } from "../describe-issues.js";
import { LOG_LEVELS } from "../log-levels.js";
import { parsePositiveDuration } from "./settings.js";

const idText = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);
const secretText = z.string().min(1);

/**
 * Options a vendor accepts, checked against its defaults (same keys, same value types), so a typo is
 * reported; `allowed` lists the values of enumerated string options.
 */
function vendorOptionsSchema(defaults: object, vendor: string, allowed: Readonly<Record<string, readonly string[]>> = {}) {
  return z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
    for (const [key, given] of Object.entries(value)) {
      const expected = (defaults as Record<string, unknown>)[key];
      if (expected === undefined) {
        ctx.addIssue({ code: "custom", path: [key], message: `unknown ${vendor} option (known: ${Object.keys(defaults).join(", ")})` });
      } else if (typeof given !== typeof expected) {
        ctx.addIssue({ code: "custom", path: [key], message: `expected a ${typeof expected}` });
      } else if (allowed[key] !== undefined && !allowed[key].includes(given as string)) {
        ctx.addIssue({ code: "custom", path: [key], message: `expected one of ${allowed[key].join(", ")}` });
      }
    }
  });
}

/**
 * The JSON config file: the engine's options (as in mocks/options.ts) plus the server's own keys.
 * Every key is optional; unknown keys are errors, so typos do not pass silently.
 */
export const configFileSchema = z.strictObject({
  $schema: z.string().optional(),
  port: z.number().int().min(0).max(65_535).optional(),
  host: z.string().min(1).optional(),
  seed: z.union([z.number().int(), z.string().min(1)]).optional(),
  clock: z.strictObject({ start: z.union([z.number().int(), z.string().min(1)]).optional(), frozen: z.boolean().optional() }).optional(),
  rateLimits: z.boolean().optional(),
  faults: z.array(z.unknown()).optional(),
  journalSize: z.number().int().min(1).max(100_000).optional(),
  maxTenants: z.number().int().min(1).max(10_000_000).optional(),
  auth: z
    .strictObject({
      mode: z.enum(["off", "verify"]).optional(),
      credentials: z
        .strictObject({
          volcengine: z
            .array(z.strictObject({ accessKeyId: z.string().min(1), secretKey: secretText }))
            .min(1)
            .optional(),
          tencent: z
            .array(z.strictObject({ secretId: z.string().min(1), secretKey: secretText }))
            .min(1)
            .optional(),
          zego: z
            .array(z.strictObject({ appId: idText, serverSecret: secretText }))
            .min(1)
            .optional(),
        })
        .optional(),
    })
    .optional(),
  log: z.strictObject({ level: z.enum(LOG_LEVELS).optional(), format: z.enum(["auto", "pretty", "json"]).optional() }).optional(),
  bodyLimit: z.number().int().min(1_024).max(104_857_600).optional(),
  allowedHosts: z.array(z.string().min(1)).optional(),
  cors: z.array(z.string().min(1)).optional(),
  banner: z.boolean().optional(),
  sessions: z
    .strictObject({
      max: z.number().int().min(1).max(1_000).optional(),
      idleTimeout: z
        .union([z.number().int(), z.string().min(1)])
        .transform((value, ctx) => {
          try {
            return parsePositiveDuration(String(value));
          } catch (cause) {
            ctx.addIssue({ code: "custom", message: (cause as Error).message });
            return z.NEVER;
          }
        })
        .optional(),
    })
    .optional(),
  volcengine: vendorOptionsSchema(defaultVolcengineOptions, "volcengine").optional(),
  zego: vendorOptionsSchema(defaultZegoOptions, "zego", zegoOptionValues).optional(),
  tencent: vendorOptionsSchema(defaultTencentOptions, "tencent").optional(),
});

/** The parsed config file. */
export type ConfigFile = z.output<typeof configFileSchema>;

/** Reads and validates a config file; throws an Error naming the file and the problem. */
export function readConfigFile(path: string, read: (path: string) => string = (p) => readFileSync(p, "utf8")): ConfigFile {
  const absolute = resolve(path);
  let text: string;
  try {
    text = read(absolute);
  } catch (cause) {
    throw new Error(`cannot read config file ${absolute}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new Error(`config file ${absolute} is not valid JSON: ${(cause as Error).message}`);
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`config file ${absolute}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
