export { createMockEngine, type MockEngine } from "./engine.js";
export { createClock, type Clock, type ClockOptions } from "./clock.js";
export type { MockOptions, ResolvedMockOptions, AuthOptions, Credentials } from "./options.js";
export { demoCredentials } from "./options.js";
export type { MockRequest, MockReply } from "./request.js";
export type { FaultSpec, FaultRule } from "./faults.js";
export type { JournalEntry } from "./journal.js";
