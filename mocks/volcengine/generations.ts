import { volcengineSources as src } from "../../schemas/volcengine/sources.js";
import type { LedgerEntry } from "../ledger.js";

/**
 * The rule of an action served at its other API generation: the same request, reply and limits
 * (the Go SDK's v20201201 and v20231101 packages send every action at their own version).
 */
export function otherGenerationRule(endpoint: { action: string; version: string; docUrl: string }, sameAs: string): LedgerEntry {
  return {
    vendor: "volcengine",
    action: endpoint.action,
    rule: `Also served at Version ${endpoint.version}, with the same request, reply and limits as ${sameAs} (the Go SDK's v${endpoint.version.replace(/-/g, "")} package sends every action at ${endpoint.version}).`,
    fidelity: "documented",
    source: `${endpoint.docUrl}; ${src.goSdkConfig}; ${src.goSdkModel20201201} vs ${src.goSdkModel20231101} (identical request models)`,
  };
}
