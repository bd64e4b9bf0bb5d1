import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { behaviours } from "../../mocks/behaviours.js";
import { startServer, type RunningServer } from "../../server/start-server.js";
import { endpointById } from "../../schemas/registry.js";

const NOW = Date.parse("2024-03-01T12:00:00+08:00");
const DELAY_MS = 150;
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ host: "127.0.0.1", port: 0, mock: { clock: { start: NOW, frozen: true }, rateLimits: false } });
});
afterAll(() => server.close());

describe("latency faults over HTTP", () => {
  it.each(Object.values(behaviours).map((behaviour) => behaviour.id))(
    "%s: the reply comes after the delay (GET and POST alike)",
    async (id) => {
      const { vendor, action } = endpointById(id)!;
      const rule = server.engine.faults.add({ kind: "latency", ms: DELAY_MS, vendor, action, times: 1 });
      const example = behaviours[id].example(NOW);
      const started = performance.now();
      const response = await fetch(`${server.url}${example.path}`, {
        method: example.method,
        headers: example.headers,
        ...(example.body !== undefined ? { body: example.body } : {}),
        signal: AbortSignal.timeout(5_000),
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/^\{/);
      expect(performance.now() - started).toBeGreaterThanOrEqual(DELAY_MS - 10);
      expect(server.engine.faults.list().some((r) => r.id === rule.id)).toBe(false);
    },
  );

  it("a client that gives up during the delay leaves the server answering the next request", async () => {
    const example = behaviours["tencent.DescribeRoomStatistics"].example(NOW);
    server.engine.faults.add({ kind: "latency", ms: 2_000, vendor: "tencent", times: 1 });
    const send = (signal: AbortSignal) =>
      fetch(`${server.url}${example.path}`, { method: example.method, headers: example.headers, body: example.body!, signal });
    await expect(send(AbortSignal.timeout(100))).rejects.toThrow();
    const next = await send(AbortSignal.timeout(5_000));
    expect(next.status).toBe(200);
  });
});
