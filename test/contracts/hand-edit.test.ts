import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractCommand } from "../../contracts/cli.js";
import { capture } from "../support/command-io.js";

// Recordings are meant to be edited by hand. Here a JSON tool outside this process (jq, else
// python3's json module) makes two replies drift, and the suite on the recordings target must name
// the drifted fields.

function has(tool: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** One hand edit, as a jq filter and as the same edit in Python on `doc`. */
interface Edit {
  jq: string;
  python: string;
}

/** Rewrites a file with jq (or python3), as a person would; the file is read and written by that tool only. */
function editWithTool(file: string, edit: Edit): void {
  if (has("jq")) {
    const edited = execFileSync("jq", [edit.jq, file], { encoding: "utf8" });
    execFileSync("sh", ["-c", 'cat > "$1"', "sh", file], { input: edited });
    return;
  }
  const program = `import json, sys
path = sys.argv[1]
with open(path) as f:
    doc = json.load(f)
${edit.python}
with open(path, "w") as f:
    json.dump(doc, f, indent=2)
`;
  execFileSync("python3", ["-c", program, file]);
}

const CASES = ["zego.GetRealtimeUsage/all-metrics-last-30-minutes", "tencent.DescribeRoomStatistics/ended-room-first-page"];
const caseArgs = CASES.flatMap((id) => ["--case", id]);

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "contract-hand-edit-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileOf(caseId: string): Promise<string> {
  for (const name of await readdir(join(dir, "recorded"))) {
    const text = await readFile(join(dir, "recorded", name), "utf8");
    if ((JSON.parse(text) as { caseId?: string }).caseId === caseId) return join(dir, "recorded", name);
  }
  throw new Error(`no recording of ${caseId}`);
}

interface JsonReport {
  results: { id: string; status: string; violations: { rule: string; path: string; message: string; severity: string }[] }[];
}

describe("a recording edited by hand with a JSON tool", () => {
  it("is judged again, and the suite names the field that drifted", async () => {
    expect(has("jq") || has("python3"), "needs jq or python3 to edit the recordings").toBe(true);
    const recorded = join(dir, "recorded");
    expect(await contractCommand([...caseArgs, "--record", recorded, "--quiet"], capture())).toBe(0);
    // Untouched, the recordings pass: whatever fails below is the edit.
    const clean = capture();
    expect(await contractCommand(["--target", `recordings:${recorded}`, ...caseArgs], clean)).toBe(0);
    expect(clean.out()).toContain("2 cases: 2 passed, 0 failed");

    // A number sent as text (ZEGO), a required field gone (Tencent).
    editWithTool(await fileOf(CASES[0]!), {
      jq: ".response.body.Data.Metrics[0].Values[0].Value |= tostring",
      python: 'v = doc["response"]["body"]["Data"]["Metrics"][0]["Values"][0]\nv["Value"] = str(v["Value"])',
    });
    editWithTool(await fileOf(CASES[1]!), {
      jq: "del(.response.body.Response.Total)",
      python: 'del doc["response"]["body"]["Response"]["Total"]',
    });
    const edited = await readFile(await fileOf(CASES[0]!), "utf8");
    expect(edited).toMatch(/"Value": "\d+"/);

    const io = capture();
    const json = join(dir, "report.json");
    expect(await contractCommand(["--target", `recordings:${recorded}`, ...caseArgs, "--json", json], io)).toBe(1);
    expect(io.out()).toContain("2 cases: 0 passed, 2 failed");
    expect(io.out()).toMatch(/✗ schema: Data\.Metrics\[0\]\.Values\[0\]\.Value: response: Value is a string \("\d+"\), not a number\n/);
    const report = JSON.parse(await readFile(json, "utf8")) as JsonReport;
    const errors = (id: string) =>
      report.results
        .find((r) => r.id === id)!
        .violations.filter((v) => v.severity === "error")
        .map((v) => `${v.rule} ${v.path}`);
    // Every error of the ZEGO case is about the edited field, and nothing else.
    expect(errors(CASES[0]!)).toContain("schema Data.Metrics[0].Values[0].Value");
    expect(new Set(errors(CASES[0]!).map((e) => e.split(" ")[1]))).toEqual(new Set(["Data.Metrics[0].Values[0].Value"]));
    expect(errors(CASES[1]!)).toContain("schema Response.Total");
  });
});
