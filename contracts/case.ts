import type { EndpointDefinition } from "../schemas/common/endpoint.js";
import type { Fidelity } from "../schemas/common/sourced.js";
import type { ContractRequest } from "./exchange.js";
import type { Check, ObservedExchange } from "./observed.js";
import type { Violation } from "./violation.js";

/**
 * What a target knows about its own world that cases need: which AppIds to query and which
 * Tencent rooms are in which state. A case whose fixture is missing is skipped.
 */
export interface TargetFixtures {
  volcengine: { appId: string };
  zego: { appId: string };
  tencent: {
    /** A room that ended long enough ago for its statistics to be ready. */
    endedRoomId?: number;
    /** A room that has not ended (FailedOperation.RoomNotEnd). */
    liveRoomId?: number;
    /** A room that ended so recently its statistics are still being computed. */
    pendingRoomId?: number;
    /** A room id that does not exist. */
    unknownRoomId: number;
  };
}

/** The fixture a case needs, as `vendor.field`. */
export type FixtureName = "tencent.endedRoomId" | "tencent.liveRoomId" | "tencent.pendingRoomId";

/** What a case builds its requests from. */
export interface CaseContext {
  /** Target clock (epoch ms) when the case starts. */
  now: number;
  fixtures: TargetFixtures;
  endpoint: EndpointDefinition;
}

/** How a step's request is signed: normally, with a wrong signature, with an unknown key, without its signature, or an hour ago. */
export type StepAuth = "valid" | "tampered" | "unknown-key" | "unsigned" | "stale";

/** What the reply to a step must be. */
export type Expectation =
  | { outcome: "success" }
  | { outcome: "error"; code: string }
  /** Either a success or one of these error codes (bursts where only some requests are refused). */
  | { outcome: "success-or-error"; codes: readonly string[] };

/** One request of a case and the reply it must get. */
export interface CaseStep {
  build(ctx: CaseContext): ContractRequest;
  expect: Expectation;
  /** Default `valid`. */
  auth?: StepAuth;
  /** Case-specific checks on top of the endpoint's own. */
  checks?: readonly Check[];
}

/** A documented behaviour of an endpoint, the requests that exercise it and the checks its replies must pass. */
export interface ContractCase {
  /** `vendor.Action/slug`, unique. */
  id: string;
  endpointId: string;
  title: string;
  /** Whether the behaviour is documented by the vendor or assumed by the kit, and where it comes from. */
  fidelity: Fidelity;
  source: string;
  /** Spends vendor quota beyond a normal call (bursts to hit a rate limit): skipped against real vendors unless asked for. */
  quota?: boolean;
  /** Needs a Tencent room in a given state; skipped when the target has no such room. */
  needs?: FixtureName;
  /** Tests signature checking: only meaningful where the target signs and the server verifies. */
  auth?: boolean;
  /** Send the steps back to back, without the target's pacing (rate-limit bursts). */
  burst?: boolean;
  /** The requests, in order. */
  steps: readonly CaseStep[];
  /** Checks across all steps (e.g. one page does not repeat another, a burst met the limit). */
  across?: (exchanges: readonly ObservedExchange[]) => Violation[];
}

/** Requests a case sends: its quota cost on a real vendor. */
export function requestCount(c: ContractCase): number {
  return c.steps.length;
}
