import type { CaseResult } from "../runner.js";

/** Results grouped by endpoint, in first-seen order. */
export function byEndpoint(results: readonly CaseResult[]): Map<string, CaseResult[]> {
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) {
    const list = groups.get(r.endpointId);
    if (list === undefined) groups.set(r.endpointId, [r]);
    else list.push(r);
  }
  return groups;
}

/** The case's own part of its id (`vendor.Action/slug` → `slug`). */
export function caseSlug(result: Pick<CaseResult, "id" | "endpointId">): string {
  return result.id.startsWith(`${result.endpointId}/`) ? result.id.slice(result.endpointId.length + 1) : result.id;
}
