import type { EndpointDefinition } from "../../schemas/common/endpoint.js";
import type { Fidelity } from "../../schemas/common/sourced.js";
import type { CaseContext, CaseStep, ContractCase, Expectation, FixtureName, StepAuth } from "../case.js";
import type { ContractRequest } from "../exchange.js";
import type { Check } from "../observed.js";

/** The fields of a one-request case. */
export interface SingleCaseSpec {
  slug: string;
  title: string;
  fidelity: Fidelity;
  source: string;
  expect: Expectation;
  build(ctx: CaseContext): ContractRequest;
  checks?: readonly Check[];
  auth?: StepAuth;
  needs?: FixtureName;
}

/** A case that sends one request. */
export function singleCase(endpoint: EndpointDefinition, spec: SingleCaseSpec): ContractCase {
  const step: CaseStep = {
    build: spec.build,
    expect: spec.expect,
    ...(spec.auth !== undefined ? { auth: spec.auth } : {}),
    ...(spec.checks !== undefined ? { checks: spec.checks } : {}),
  };
  return {
    id: `${endpoint.id}/${spec.slug}`,
    endpointId: endpoint.id,
    title: spec.title,
    fidelity: spec.fidelity,
    source: spec.source,
    ...(spec.needs !== undefined ? { needs: spec.needs } : {}),
    ...(spec.auth !== undefined && spec.auth !== "valid" ? { auth: true } : {}),
    steps: [step],
  };
}

/** Shorthand expectations. */
export const success: Expectation = { outcome: "success" };

/** The reply must be this catalog error. */
export function errorCode(code: string): Expectation {
  return { outcome: "error", code };
}
