import type { BenchTenants } from "./typical-requests.js";
import { demoCredentials } from "../mocks/options.js";

/**
 * The bench's frozen mock time: 2025-06-15T12:00:00Z (20:00 at +08:00, the evening peak). Fixed so runs
 * are comparable and pre-signed requests stay valid for the whole run.
 */
export const BENCH_CLOCK_MS = Date.UTC(2025, 5, 15, 12, 0, 0);

/** Tenants of the typical requests; the ZEGO AppId is the demo credential's (verify mode needs it). */
export const BENCH_TENANTS: Omit<BenchTenants, "roomId"> = {
  volcengineAppId: "5f8e1c2a9b3d4e6f7a8b9c0d",
  zegoAppId: demoCredentials.zego[0]!.appId,
};
