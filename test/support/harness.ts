/**
 * The one test harness of every vendor: a frozen start time (clock.ts), requests built from each
 * endpoint's `example(now)` with typed overrides and signers (requests.ts), and the HTTP side over
 * supertest against the real listening server, or straight through the engine (http.ts); per
 * vendor, the requests its tests keep building (volcengine.ts, tencent.ts, zego.ts); every
 * endpoint's example signed at a given time for a given host (signed-examples.ts) and a request as
 * fetch arguments (fetch.ts), for clients that are not the harness's, such as MSW.
 */
export * from "./clock.js";
export * from "./requests.js";
export * from "./http.js";
export * from "./volcengine.js";
export * from "./tencent.js";
export * from "./zego.js";
export * from "./signed-examples.js";
export * from "./fetch.js";
