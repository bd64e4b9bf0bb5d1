import type { CaseContext, ContractCase, FixtureName } from "../case.js";
import type { ContractRequest } from "../exchange.js";

/** The cases of one endpoint, plus a request it answers with success (the vendor-wide cases reuse it). */
export interface EndpointCases {
  endpointId: string;
  /** A well-formed request for data the endpoint has. */
  valid(ctx: CaseContext): ContractRequest;
  /** The fixture `valid` needs (the vendor-wide cases built on it inherit the need). */
  validNeeds?: FixtureName;
  cases: readonly ContractCase[];
}
