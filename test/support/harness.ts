/**
 * The one test harness of every vendor: a frozen start time (clock.ts), requests built from each
 * endpoint's `example(now)` with typed overrides and signers (requests.ts), and the HTTP side over
 * supertest against the real listening server, or straight through the engine (http.ts).
 */
export * from "./clock.js";
export * from "./requests.js";
export * from "./http.js";
export * from "./volcengine.js";
export * from "./tencent.js";
export * from "./zego.js";
