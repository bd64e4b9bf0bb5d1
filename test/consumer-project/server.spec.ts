// The fake server started programmatically, as docs/server.md shows, and one session of it.
import { openSession, startServer } from "rtc-analytics-mock/server";
import { expect, it } from "vitest";

it("starts on a free port, serves health, docs, the panel and a vendor request, opens a session and stops", async () => {
  const server = await startServer({ port: 0 });
  try {
    const health = (await (await fetch(`${server.url}/__mock/health`)).json()) as { status: string };
    expect(health.status).toBe("ok");
    // The docs page (Swagger UI's assets from the installed package) and the control panel's bundle.
    for (const path of ["/__mock/docs/", "/__mock/docs/openapi/zego.json", "/__mock/ui/", "/__mock/ui/panel.js"]) {
      const page = await fetch(`${server.url}${path}`);
      expect(page.status, path).toBe(200);
      await page.arrayBuffer();
    }
    const session = await openSession({ serverUrl: server.url });
    expect(session.baseUrl).not.toBe(server.url);
    const reply = await fetch(`${session.baseUrl}/?Action=GetRealtimeUsage&AppId=1&StartTs=0&EndTs=0&Metrics[]=publish_concurrent`);
    const body = (await reply.json()) as { Code: number };
    expect(typeof body.Code).toBe("number");
    await session.close();
  } finally {
    await server.close();
  }
});
