import type { CommandIo } from "../../contracts/cli.js";

/** The streams of a contract or proxy command, captured as text. */
export function capture(): CommandIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    out: () => out,
    err: () => err,
  };
}
