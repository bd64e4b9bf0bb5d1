import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { behaviours } from "../../mocks/behaviours.js";
import { buildServer } from "../../server/app.js";
import type { EndpointId } from "../../schemas/registry.js";

const NOW = Date.parse("2024-03-01T12:00:00+08:00");
const { app } = buildServer({ mock: { clock: { start: NOW, frozen: true } }, docs: false, requestTimeoutMs: 400 });
let port = 0;

beforeAll(async () => {
  await app.listen({ host: "127.0.0.1", port: 0 });
  port = (app.server.address() as net.AddressInfo).port;
});
afterAll(() => app.close());

/** Sends an endpoint's example head with a body that never finishes, and reads what comes back. */
function stalledBody(id: EndpointId): Promise<string> {
  const example = behaviours[id].example(NOW);
  const headers = Object.entries({ ...example.headers, host: `127.0.0.1:${port}`, "content-length": "1000" })
    .map(([name, value]) => `${name}: ${value}`)
    .join("\r\n");
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.on("error", () => undefined);
    socket.write(`${example.method} ${example.path} HTTP/1.1\r\n${headers}\r\n\r\n{"RoomId":`);
  });
}

describe("a request that times out while its body arrives", () => {
  it.each<[EndpointId, RegExp]>([
    ["tencent.DescribeRoomStatistics", /"Response":\{"Error":\{"Code":"InvalidParameter"/],
    ["zego.GetRealtimeUsage", /"Code":100000012/],
    ["volcengine.ListRealTimeQuality", /"ResponseMetadata":\{.*"Code":"InvalidParameter.Unmarshal"/],
  ])("%s gets its own vendor's error", async (id, envelope) => {
    const reply = await stalledBody(id);
    expect(reply).toMatch(/^HTTP\/1.1 \d{3} /);
    expect(reply).toMatch(envelope);
  });
});
