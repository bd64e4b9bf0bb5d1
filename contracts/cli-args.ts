import { parseArgs, type ParseArgsConfig } from "node:util";

/** What parseArgs returns for a strict, positional-free parse of `T` (named, so declarations can be emitted). */
export type ParsedCommandLine<T extends NonNullable<ParseArgsConfig["options"]>> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>
>;

/** A command-line problem: reported with the usage text and exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** parseArgs with strict checking; its errors become UsageErrors. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T): ParsedCommandLine<T> {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (cause) {
    throw new UsageError(cause instanceof Error ? cause.message : String(cause));
  }
}

/** A non-negative integer option, or the default. */
export function integerOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return Number(value);
}
