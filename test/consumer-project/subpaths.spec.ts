// Every public subpath of the package, imported as a user's code would, with a value each must export.
import volcengineDocument from "rtc-analytics-mock/openapi/volcengine.json" with { type: "json" };
import tencentOperation from "rtc-analytics-mock/openapi/operations/tencent/DescribeRoomStatistics.json" with { type: "json" };
import { createMockEngine, demoCredentials, type MockOptions } from "rtc-analytics-mock";
import { buildCases, runContract, type ContractCase } from "rtc-analytics-mock/contracts";
import { createMockEngine as engineFromMocks } from "rtc-analytics-mock/mocks";
import { createRtcHandlers, type RtcControl } from "rtc-analytics-mock/msw";
import { endpoints, signVolcengineRequest, type EndpointDefinition } from "rtc-analytics-mock/schemas";
import { openSession, startServer, type RunningServer } from "rtc-analytics-mock/server";
import { sessionTest, type MockSession } from "rtc-analytics-mock/vitest";
import * as globalSetup from "rtc-analytics-mock/vitest/global-setup";
import packageJson from "rtc-analytics-mock/package.json" with { type: "json" };
import { describe, expect, it } from "vitest";

describe("every subpath of rtc-analytics-mock", () => {
  it("exports what its docs say", () => {
    const options: MockOptions = { seed: 1 };
    expect(typeof createMockEngine(options).handle).toBe("function");
    expect(engineFromMocks).toBe(createMockEngine);
    expect(Object.keys(demoCredentials).sort()).toEqual(["tencent", "volcengine", "zego"]);
    const list: readonly EndpointDefinition[] = endpoints;
    expect(list.map((endpoint) => endpoint.id)).toContain("zego.GetRealtimeUsage");
    expect(typeof signVolcengineRequest).toBe("function");
    const cases: ContractCase[] = buildCases();
    expect(cases.length).toBeGreaterThan(20);
    expect(typeof runContract).toBe("function");
    const control: RtcControl = createRtcHandlers({ seed: 1 }).control;
    expect(typeof control.reset).toBe("function");
    const start: (options?: { port?: number }) => Promise<RunningServer> = startServer;
    expect(typeof start).toBe("function");
    const open: (url?: string) => Promise<MockSession> = (url) => openSession({ serverUrl: url });
    expect(typeof open).toBe("function");
    expect(typeof sessionTest).toBe("function");
    expect(typeof globalSetup.setup).toBe("function");
    expect(volcengineDocument.openapi).toBe("3.1.0");
    expect(Object.keys(tencentOperation.paths)).toEqual(["/"]);
    expect(packageJson.name).toBe("rtc-analytics-mock");
  });
});
