import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCases } from "../../contracts/cases/index.js";
import { runContract } from "../../contracts/runner.js";
import { urlTarget } from "../../contracts/targets/url-target.js";
import { registerContractSuite } from "../../contracts/vitest-suite.js";
import { buildServer } from "../../server/app.js";

// The fake server with signature checks on, listening on a free loopback port.
const { app } = buildServer({ mock: { auth: { mode: "verify" } } });
let baseUrl = "";
const started = app.listen({ host: "127.0.0.1", port: 0 }).then((address) => {
  baseUrl = address;
});

describe("the whole contract suite against the fake server, through the URL target", () => {
  beforeAll(async () => {
    await started;
  });
  afterAll(async () => {
    await app.close();
  });

  // One test per case; every case (signature and rate-limit cases included) must pass.
  registerContractSuite({ describe, it, beforeAll, afterAll }, async () => {
    await started;
    return urlTarget({ baseUrl });
  });

  it("runs every case of the registry and none is skipped (signature checks are on, rooms come from the control API)", async () => {
    await started;
    const report = await runContract({ target: urlTarget({ baseUrl }), cases: buildCases() });
    expect(report.summary).toMatchObject({ total: buildCases().length, failed: 0, errored: 0, skipped: 0 });
  }, 120_000);
});
