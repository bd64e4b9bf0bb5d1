export { createMockEngine, type MockEngine } from "./core/engine.js";
export { createClock, type Clock, type ClockOptions } from "./core/clock.js";
export type { MockOptions, ResolvedMockOptions, AuthOptions, Credentials } from "./options.js";
export { demoCredentials } from "./options.js";
export type { MockRequest, MockReply } from "./core/reply.js";
export type { FaultSpec, FaultRule } from "./core/faults.js";
export type { JournalEntry, JournalFilter, JournalReply, JournalRequest } from "./core/journal.js";
