// The docs' MSW quick start (docs/msw.md) in a project of its own: the vendor host answered in-process.
import { setupServer } from "msw/node";
import { createRtcHandlers } from "rtc-analytics-mock/msw";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";

const { handlers, control } = createRtcHandlers({ seed: 1, clock: { start: "2025-03-04T05:06:07Z", frozen: true } });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => control.reset());
afterAll(() => server.close());

it("answers a ZEGO GetRealtimeUsage request and a forced Tencent error", async () => {
  const start = control.now() - 30 * 60_000;
  const url = `https://analytics-api.zego.im/?Action=GetRealtimeUsage&AppId=1234567&StartTs=${start}&EndTs=${control.now()}&Metrics[]=publish_concurrent`;
  const usage = (await (await fetch(url)).json()) as { Code: number; Data: { Metrics: { Metric: string }[] } };
  expect(usage.Code).toBe(0);
  expect(usage.Data.Metrics.map((metric) => metric.Metric)).toEqual(["publish_concurrent"]);

  control.forceError({ vendor: "tencent", action: "DescribeRoomStatistics", code: "FailedOperation.RoomNotEnd", times: 1 });
  const reply = await fetch("https://lcic.tencentcloudapi.com/", {
    method: "POST",
    headers: { "content-type": "application/json", "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" },
    body: JSON.stringify({ RoomId: 1 }),
  });
  const body = (await reply.json()) as { Response: { Error?: { Code: string } } };
  expect(body.Response.Error?.Code).toBe("FailedOperation.RoomNotEnd");
});
