import type { EndpointDefinition } from "../../schemas/common/endpoint.js";
import { endpoints, type EndpointId } from "../../schemas/registry.js";
import type { ContractCase } from "../case.js";
import type { EndpointCases } from "./endpoint-cases.js";
import { tencentDescribeRoomStatisticsCases } from "./tencent-describe-room-statistics.js";
import { vendorCases } from "./vendor-cases.js";
import { listOperationDataCases } from "./volcengine-list-operation-data.js";
import { listRealTimeOperationDataCases } from "./volcengine-list-real-time-operation-data.js";
import { listRealTimeQualityCases } from "./volcengine-list-real-time-quality.js";
import { zegoGetRealtimeUsageCases } from "./zego-get-realtime-usage.js";

/** The case module of each endpoint, keyed by registry id: an endpoint without one fails to compile. */
export const caseTable = {
  "volcengine.ListRealTimeOperationData": listRealTimeOperationDataCases,
  "volcengine.ListOperationData": listOperationDataCases,
  "volcengine.ListRealTimeQuality": listRealTimeQualityCases,
  "volcengine.ListRealTimeOperationData@2020-12-01": listRealTimeOperationDataCases,
  "volcengine.ListOperationData@2020-12-01": listOperationDataCases,
  "volcengine.ListRealTimeQuality@2023-11-01": listRealTimeQualityCases,
  "zego.GetRealtimeUsage": zegoGetRealtimeUsageCases,
  "tencent.DescribeRoomStatistics": tencentDescribeRoomStatisticsCases,
} satisfies Record<EndpointId, (endpoint: EndpointDefinition) => EndpointCases>;

/** The case modules as a map, for callers that look endpoints up by a string id. */
export const caseModules: ReadonlyMap<string, (endpoint: EndpointDefinition) => EndpointCases> = new Map(Object.entries(caseTable));

/** Registry endpoints that have no case module (for a registry other than the built-in one; the table covers that). */
export function uncoveredEndpoints(registry: readonly EndpointDefinition[] = endpoints): string[] {
  return registry.filter((endpoint) => !caseModules.has(endpoint.id)).map((endpoint) => endpoint.id);
}

/**
 * Every case of every endpoint in the registry: the endpoint's own cases, then the vendor-wide
 * ones (routing, signature, rate limit) built on its valid request.
 */
export function buildCases(registry: readonly EndpointDefinition[] = endpoints): ContractCase[] {
  const out: ContractCase[] = [];
  for (const endpoint of registry) {
    const factory = caseModules.get(endpoint.id);
    if (factory === undefined) continue;
    const module = factory(endpoint);
    const shared = vendorCases(endpoint, module.valid).map((c) =>
      module.validNeeds !== undefined && c.needs === undefined ? { ...c, needs: module.validNeeds } : c,
    );
    out.push(...module.cases, ...shared);
  }
  return out;
}
