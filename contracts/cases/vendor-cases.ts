import type { EndpointDefinition, Vendor } from "../../schemas/common/endpoint.js";
import type { RateLimitRule } from "../../schemas/common/limits.js";
import { tencentSources } from "../../schemas/tencent/sources.js";
import { volcengineSources } from "../../schemas/volcengine/sources.js";
import { zegoSources } from "../../schemas/zego/sources.js";
import type { CaseContext, CaseStep, ContractCase, StepAuth } from "../case.js";
import type { ContractRequest } from "../exchange.js";
import { vendorContracts } from "../vendors/index.js";
import { violation } from "../violation.js";
import { errorCode, singleCase } from "./define-case.js";
import { tencentRequest, volcengineRequest } from "./requests.js";

/** The error each vendor answers to each signing problem (catalog keys). */
const authCodes: Record<Vendor, Record<Exclude<StepAuth, "valid">, { code: string; source: string }>> = {
  volcengine: {
    unsigned: { code: "MissingAuthenticationToken", source: volcengineSources.gatewayErrors },
    tampered: { code: "SignatureDoesNotMatch", source: volcengineSources.gatewayErrors },
    "unknown-key": { code: "InvalidAccessKey", source: volcengineSources.gatewayErrors },
    stale: { code: "InvalidTimestamp", source: volcengineSources.gatewayErrors },
  },
  zego: {
    unsigned: { code: "100000009", source: zegoSources.gatewayReturnCodes },
    tampered: { code: "100000005", source: zegoSources.signing },
    "unknown-key": { code: "100000010", source: zegoSources.gatewayReturnCodes },
    stale: { code: "100000004", source: zegoSources.signing },
  },
  tencent: {
    unsigned: { code: "AuthFailure.InvalidAuthorization", source: tencentSources.commonErrors },
    tampered: { code: "AuthFailure.SignatureFailure", source: tencentSources.commonErrors },
    "unknown-key": { code: "AuthFailure.SecretIdNotFound", source: tencentSources.commonErrors },
    stale: { code: "AuthFailure.SignatureExpire", source: tencentSources.commonParams },
  },
};

/** The error a refused burst gets: Volcengine's RTC throttle code, ZEGO 30002, Tencent RequestLimitExceeded. */
const throttleCodes: Record<Vendor, { code: string; source: string }> = {
  volcengine: { code: "FlowLimitExceeded.QPSOverLimit", source: volcengineSources.rtcErrors },
  zego: { code: "30002", source: zegoSources.returnCodes },
  tencent: { code: "RequestLimitExceeded", source: tencentSources.commonErrors },
};

const authTitles: Record<Exclude<StepAuth, "valid">, string> = {
  unsigned: "a request without its signature is refused",
  tampered: "a request with a wrong signature is refused",
  "unknown-key": "a request signed with an unknown key is refused",
  stale: "a request signed an hour ago is refused (signature expired)",
};

/** The shortest rate-limit window of an endpoint (the one a burst can meet). */
export function burstRule(endpoint: EndpointDefinition): RateLimitRule | undefined {
  return [...endpoint.limits.rate].sort((a, b) => a.windowMs - b.windowMs)[0];
}

/**
 * A burst that must meet the rate limit: 2 × limit + 1 requests back to back, so that even if they
 * straddle a window boundary one window sees more than `limit`. Each reply is a success or the
 * throttle error; at least one must be the throttle error.
 */
function rateLimitCase(endpoint: EndpointDefinition, valid: (ctx: CaseContext) => ContractRequest): ContractCase | undefined {
  const rule = burstRule(endpoint);
  if (rule === undefined) return undefined;
  const throttle = throttleCodes[endpoint.vendor];
  const count = 2 * rule.limit + 1;
  const step: CaseStep = { build: valid, expect: { outcome: "success-or-error", codes: [throttle.code] } };
  return {
    id: `${endpoint.id}/rate-limit`,
    endpointId: endpoint.id,
    title: `${count} requests at once meet the ${rule.limit} per ${rule.windowMs / 1000} s limit`,
    fidelity: "documented",
    source: `${rule.source}; code: ${throttle.source}`,
    quota: true,
    burst: true,
    steps: Array.from({ length: count }, () => step),
    across: (exchanges) => {
      const refused = exchanges.filter((x) => vendorContracts[endpoint.vendor].errorOf(x.response.json)?.code === throttle.code).length;
      return refused > 0
        ? []
        : [violation("rate-limit", "$", `none of ${exchanges.length} requests in a burst was refused with ${throttle.code}`)];
    },
  };
}

/** Routing errors each vendor's gateway answers whatever the action's parameters. */
function routingCases(endpoint: EndpointDefinition, valid: (ctx: CaseContext) => ContractRequest): ContractCase[] {
  switch (endpoint.vendor) {
    case "volcengine":
      return [
        singleCase(endpoint, {
          slug: "unknown-version",
          title: "the action at a version that does not exist is refused",
          fidelity: "documented",
          source: `InvalidActionOrVersion (${volcengineSources.gatewayErrors})`,
          expect: errorCode("InvalidActionOrVersion"),
          build: (ctx) => ({ ...valid(ctx), path: `/?Action=${endpoint.action}&Version=2099-01-01` }),
        }),
        singleCase(endpoint, {
          slug: "empty-body",
          title: "an empty body is refused",
          fidelity: "documented",
          source: `InvalidParameter.BodyIsEmpty (${volcengineSources.rtcErrors})`,
          expect: errorCode("InvalidParameter.BodyIsEmpty"),
          build: () => volcengineRequest(endpoint, ""),
        }),
        singleCase(endpoint, {
          slug: "body-not-json",
          title: "a body that is not JSON is refused",
          fidelity: "documented",
          source: `InvalidParameter.Unmarshal (${volcengineSources.rtcErrors})`,
          expect: errorCode("InvalidParameter.Unmarshal"),
          build: () => volcengineRequest(endpoint, '{"AppId":'),
        }),
      ];
    case "tencent":
      return [
        singleCase(endpoint, {
          slug: "unknown-version",
          title: "the action at a version that does not exist is refused",
          fidelity: "documented",
          source: `NoSuchVersion (${tencentSources.commonErrors})`,
          expect: errorCode("NoSuchVersion"),
          build: (ctx) => ({ ...valid(ctx), headers: { ...valid(ctx).headers, "x-tc-version": "2099-01-01" } }),
        }),
        singleCase(endpoint, {
          slug: "unknown-action",
          title: "an action the product does not have is refused",
          fidelity: "documented",
          source: `InvalidAction (${tencentSources.commonErrors})`,
          expect: errorCode("InvalidAction"),
          build: (ctx) => ({ ...valid(ctx), headers: { ...valid(ctx).headers, "x-tc-action": `${endpoint.action}Everything` } }),
        }),
        singleCase(endpoint, {
          slug: "body-not-json",
          title: "a body that is not JSON is refused",
          fidelity: "documented",
          source: `InvalidParameter: "parameter error (format, type, …)" (${tencentSources.commonErrors})`,
          expect: errorCode("InvalidParameter"),
          build: () => tencentRequest(endpoint, '{"RoomId":'),
        }),
      ];
    case "zego":
      return [];
  }
}

/** Signature cases: only where the target signs and the server verifies. */
function authCases(endpoint: EndpointDefinition, valid: (ctx: CaseContext) => ContractRequest): ContractCase[] {
  const codes = authCodes[endpoint.vendor];
  return (Object.keys(codes) as (keyof typeof codes)[]).map((auth) =>
    singleCase(endpoint, {
      slug: `auth-${auth}`,
      title: authTitles[auth],
      fidelity: "documented",
      source: codes[auth].source,
      expect: errorCode(codes[auth].code),
      build: valid,
      auth,
    }),
  );
}

/** The cases every endpoint of a vendor gets: routing errors, signature errors and the rate limit. */
export function vendorCases(endpoint: EndpointDefinition, valid: (ctx: CaseContext) => ContractRequest): ContractCase[] {
  const limit = rateLimitCase(endpoint, valid);
  return [...routingCases(endpoint, valid), ...authCases(endpoint, valid), ...(limit ? [limit] : [])];
}
