import { configFileSetting, credentialSettings, faultSetting, listSettings, settings } from "./config/settings.js";

/** Usage of the whole CLI. */
export function mainHelp(name: string): string {
  return `Usage: ${name} [command] [options]

Commands:
  serve      Run the fake server (the default command)
  contract   Run the contract suite against the mock, a URL, recordings or the real vendors
  proxy      Record real vendor traffic through a proxy

Options:
  -h, --help     Show help (also: ${name} <command> --help)
  -v, --version  Show the version

Run "${name} serve --help" for the server's flags and environment variables.
`;
}

/** Usage of `serve`, generated from the settings table (flags, variables, defaults). */
export function serveHelp(name: string): string {
  const rows: [string, string, string][] = [];
  rows.push([
    `-${configFileSetting.short}, --${configFileSetting.flag} <file>`,
    configFileSetting.env,
    "JSON config file (see docs/server.md)",
  ]);
  for (const setting of settings) {
    const flag = setting.kind === "boolean" ? `--[no-]${setting.flag}` : `--${setting.flag} <value>`;
    rows.push([
      `${setting.short ? `-${setting.short}, ` : ""}${flag}`,
      setting.fallbackEnv ? `${setting.env}, ${setting.fallbackEnv}` : setting.env,
      `${setting.description} (default ${setting.defaultText})`,
    ]);
  }
  for (const setting of listSettings) rows.push([`--${setting.flag} <${setting.valueName}>`, setting.env, setting.description]);
  rows.push([
    `--${faultSetting.flag} <json>`,
    faultSetting.env,
    'A fault rule, e.g. \'{"kind":"latency","ms":500}\'; repeatable (env: JSON array)',
  ]);
  for (const credential of credentialSettings) {
    rows.push([`--${credential.idFlag} <id>`, credential.idEnv, `${credential.vendor} credential id accepted in verify mode`]);
    rows.push([`--${credential.secretFlag} <secret>`, credential.secretEnv, `its secret (prefer the variable: flags show in ps)`]);
  }
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const envWidth = Math.max(...rows.map(([, env]) => env.length));
  return `Usage: ${name} serve [options]

Runs the fake server. Each setting comes from its flag, else its environment variable, else the
config file, else the default.

${rows.map(([flag, env, text]) => `  ${flag.padEnd(width)}  ${env.padEnd(envWidth)}  ${text}`).join("\n")}
  -h, --help

Stop with Ctrl+C (SIGINT) or SIGTERM.
`;
}
