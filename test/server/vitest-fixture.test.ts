import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { control, serverPerTest } from "../support/http.js";

const start = serverPerTest();
const repo = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the example project's vitest in a child process, its files in parallel, against `serverUrl`. */
function runExampleProject(serverUrl: string): Promise<{ code: number | null; output: string }> {
  // The child is a vitest run of its own: none of this worker's vitest variables may leak into it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "NODE_OPTIONS"));
  const child = spawn(
    process.execPath,
    ["node_modules/vitest/vitest.mjs", "run", "--root", "examples/vitest-sessions", "--reporter", "verbose"],
    {
      cwd: repo,
      env: { ...env, RTC_MOCK_URL: serverUrl, NO_COLOR: "1" },
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

describe("rtc-analytics-mock/vitest", () => {
  it("gives each file of a parallel dashboard test run its own session on one shared server, and the default session stays as it was", async () => {
    const server = await start({ clock: {} });
    const before = {
      faults: (await control(server, "GET", "/faults")).json,
      rateLimits: (await control(server, "GET", "/rate-limits")).json,
      journal: (await control(server, "GET", "/journal")).json,
    };
    const { code, output } = await runExampleProject(server.url);
    expect(output).toMatch(/Test Files {2}3 passed \(3\)/);
    expect(code).toBe(0);
    // The three files opened s1–s3 on this server (the global setup found it) and deleted them.
    expect((await control(server, "GET", "/sessions")).json.sessions.map((s: { id: string }) => s.id)).toEqual(["default"]);
    expect((await control(server, "POST", "/sessions")).json.id).toBe("s4");
    expect({
      faults: (await control(server, "GET", "/faults")).json,
      rateLimits: (await control(server, "GET", "/rate-limits")).json,
      journal: (await control(server, "GET", "/journal")).json,
    }).toEqual(before);
    expect(Math.abs(server.engine.clock.now() - Date.now())).toBeLessThan(1_000);
  }, 120_000);
});
