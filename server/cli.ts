import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { mainHelp, serveHelp } from "./help.js";
import { packageInfo } from "./package-info.js";
import type { CliIo } from "./serve-command.js";

/** The contract suite's commands, implemented in contracts/cli.ts. */
interface ContractsCli {
  contractCommand(argv: string[]): Promise<number>;
  proxyCommand(argv: string[]): Promise<number>;
}

/**
 * The `rtc-analytics-mock` command: `serve` (the default), `contract`, `proxy`, `--help`,
 * `--version`. Resolves with the process exit code.
 */
export async function main(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, signals: process },
): Promise<number> {
  const [first, ...rest] = argv;
  // The server (engine, schemas, fastify) loads only for `serve`, so --help and --version answer at once.
  const serveCommand = async (args: readonly string[], cliIo: CliIo) => {
    if (args.includes("--help") || args.includes("-h")) {
      cliIo.stdout.write(serveHelp(packageInfo.name));
      return 0;
    }
    return (await import("./serve-command.js")).serveCommand(args, cliIo);
  };
  try {
    if (first === "--version" || first === "-v") {
      io.stdout.write(`${packageInfo.version}\n`);
      return 0;
    }
    if (first === "--help" || first === "-h" || first === "help") {
      io.stdout.write(mainHelp(packageInfo.name));
      return 0;
    }
    if (first === undefined || first.startsWith("-")) return await serveCommand(argv, io);
    switch (first) {
      case "serve":
        return await serveCommand(rest, io);
      case "contract":
      case "proxy":
        return await runContractsCommand(first, rest, io);
      default:
        io.stderr.write(`${packageInfo.name}: unknown command ${JSON.stringify(first)}\n\n${mainHelp(packageInfo.name)}`);
        return 2;
    }
  } catch (cause) {
    io.stderr.write(`${packageInfo.name}: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return 1;
  }
}

/** Loads contracts/cli.js on demand, so the server starts without the contract suite's dependencies. */
async function runContractsCommand(command: "contract" | "proxy", argv: string[], io: CliIo): Promise<number> {
  const location = new URL("../contracts/cli.js", import.meta.url);
  let module: Partial<ContractsCli>;
  try {
    module = (await import(location.href)) as Partial<ContractsCli>;
  } catch (cause) {
    const error = cause as NodeJS.ErrnoException;
    if (error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("contracts/cli")) {
      io.stderr.write(`${packageInfo.name} ${command}: not available in this build (contracts/cli.js was not found)\n`);
      return 1;
    }
    throw cause;
  }
  const run = command === "contract" ? module.contractCommand : module.proxyCommand;
  if (typeof run !== "function") {
    io.stderr.write(`${packageInfo.name} ${command}: contracts/cli.js does not export ${command}Command yet\n`);
    return 1;
  }
  return run(argv);
}

/** True when this file is the process entry (`tsx server/cli.ts`, `node dist/server/cli.js`), not imported by the bin launcher. */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
