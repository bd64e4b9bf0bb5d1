/** GET /__mock/catalogs lists what a fault rule may name, and every listed choice is accepted by POST /__mock/faults. */
import { describe, expect, it } from "vitest";
import { control, sharedServer } from "../support/harness.js";

describe("GET /__mock/catalogs", () => {
  const server = sharedServer();

  it("lists each vendor's actions and error codes, each one a valid fault", async () => {
    const reply = await control(server.url, "GET", "/catalogs");
    expect(reply.status).toBe(200);
    const vendors = reply.json.vendors as { vendor: string; actions: string[]; errors: { code: string }[] }[];
    expect(vendors.map((entry) => entry.vendor)).toEqual(["volcengine", "zego", "tencent"]);
    expect(vendors[0]!.actions).toEqual(["ListRealTimeOperationData", "ListOperationData", "ListRealTimeQuality"]);
    for (const { vendor, actions, errors } of vendors) {
      expect(errors.length).toBeGreaterThan(0);
      for (const { code } of errors) {
        const added = await control(server.url, "POST", "/faults", { kind: "error", vendor, action: actions[0], code });
        expect(added.status, `${vendor} ${code}`).toBe(201);
      }
    }
  });
});
