import type { Vendor } from "../../schemas/common/endpoint.js";
import type { ContractRequest, ContractResponse } from "../exchange.js";
import { LatencyBudgetExceeded } from "../latency-budget.js";
import { httpSend } from "./http-send.js";
import { unreachable } from "./unreachable.js";

/**
 * Sends a case's request with the vendor's latency budget as its timeout, as a client with that
 * timeout would: no reply in time is LatencyBudgetExceeded, not a long wait. Measures the real time
 * the whole reply took.
 */
export async function budgetedSend(
  url: URL,
  request: ContractRequest,
  vendor: Vendor,
  budgetMs: number,
  hint = "is it running?",
): Promise<{ response: ContractResponse; elapsedMs: number }> {
  const started = performance.now();
  try {
    const response = await httpSend(url, request, budgetMs);
    return { response, elapsedMs: Math.round(performance.now() - started) };
  } catch (cause) {
    if (cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError"))
      throw new LatencyBudgetExceeded(vendor, budgetMs);
    throw unreachable(cause, url, hint) ?? cause;
  }
}
