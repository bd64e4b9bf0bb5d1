import type { Vendor } from "../../schemas/common/endpoint.js";
import type { ContractCase, StepAuth, TargetFixtures } from "../case.js";
import type { ContractRequest, Exchange } from "../exchange.js";

/** How one request of a case is to be sent. */
export interface SendOptions {
  vendor: Vendor;
  /** Registry id of the endpoint the request addresses. */
  endpointId: string;
  auth: StepAuth;
  caseId: string;
  /** Index of the step within its case. */
  step: number;
  /** Part of a rate-limit burst: send without pacing. */
  burst: boolean;
  /** Give up after this many ms and throw LatencyBudgetExceeded (the vendor's latency budget). */
  budgetMs: number;
}

/** Thrown by a target that cannot run a case (no recording of it, no credentials); the case is reported as skipped. */
export class CaseSkipped extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "CaseSkipped";
  }
}

/**
 * Where a case's requests go: the engine in-process, a base URL, the vendors' own hosts, or a folder
 * of recordings. A target sends a request and returns the raw reply with its target-clock times.
 */
export interface Target {
  readonly kind: "inproc" | "url" | "vendor" | "recordings";
  /** For reports: which server was checked (never with secrets). */
  readonly description: string;
  /** Things the user should know about how the target ran (one line each), e.g. a fallback it took; known after `fixtures()`. */
  notices?(): string[];
  /** Real vendors: quota-spending cases are skipped unless asked for. */
  readonly spendsQuota: boolean;
  /** Allowed clock difference when judging time rules (ms). */
  readonly skewMs: number;
  /** Can signature cases be judged for this vendor (the target signs and the server checks)? */
  verifiesSignatures(vendor: Vendor): boolean;
  fixtures(): Promise<TargetFixtures>;
  /** Prepares the target for a case (fresh quotas where it can) and returns its clock (epoch ms). */
  beginCase(c: ContractCase): Promise<number>;
  send(request: ContractRequest, options: SendOptions): Promise<Exchange>;
  /** Exchanges the target holds that no case claims (recorded traffic); judged as what they claim to be. */
  unclaimed?(): { id: string; exchange: Exchange }[];
  close(): Promise<void>;
}
