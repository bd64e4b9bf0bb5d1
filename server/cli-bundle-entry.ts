import { buildServer } from "./app.js";

export { main } from "./cli.js";

const MINUTE_S = 60;

/**
 * Runs, in-process, what a start-up and its first requests run (build, ready, one request per
 * endpoint kind, close), so the V8 code cache written after it at build time holds those
 * functions already compiled. Replies do not matter here, only the code paths.
 */
export async function warmUp(): Promise<void> {
  const { app, engine } = buildServer({
    logger: { level: "info", format: "json", destination: { write: () => true } as unknown as NodeJS.WritableStream },
  });
  try {
    await app.ready();
    const nowS = Math.floor(engine.clock.now() / 1000);
    const json = { "content-type": "application/json" };
    await app.inject({
      method: "GET",
      url: `/?Action=GetRealtimeUsage&AppId=1234567890&Metrics[]=online_user&StartTs=${nowS - 10 * MINUTE_S}&EndTs=${nowS}`,
    });
    await app.inject({
      method: "POST",
      url: "/?Action=ListRealTimeOperationData&Version=2020-12-01",
      headers: json,
      payload: JSON.stringify({
        AppId: "warm-up",
        Indicator: ["RealTimeUser"],
        StartTime: new Date((nowS - 60 * MINUTE_S) * 1000).toISOString(),
        EndTime: new Date(nowS * 1000).toISOString(),
      }),
    });
    await app.inject({
      method: "POST",
      url: "/",
      headers: { ...json, "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" },
      payload: JSON.stringify({ RoomId: 1, Page: 1, Limit: 10 }),
    });
    await app.inject({ method: "GET", url: "/__mock/health" });
  } finally {
    await app.close();
  }
}
