import { endpointById } from "../schemas/registry.js";
import { sendOnce } from "./http-once.js";
import type { HttpRequestSpec } from "./typical-requests.js";

/**
 * Sends each request once and checks it is a success that parses with the registry's response
 * schema, so the load run measures the success path and not an error reply. Returns each reply body.
 */
export async function checkTypicalRequests(port: number, requests: readonly HttpRequestSpec[]): Promise<Map<string, string>> {
  const replies = new Map<string, string>();
  for (const spec of requests) {
    const endpoint = endpointById(spec.endpointId);
    if (endpoint === undefined) throw new Error(`${spec.endpointId} is not in the registry`);
    const answer = await sendOnce(port, spec);
    if (answer.status !== 200) throw new Error(`${spec.endpointId}: HTTP ${answer.status}: ${answer.body.slice(0, 500)}`);
    const parsed = endpoint.response.safeParse(JSON.parse(answer.body));
    if (!parsed.success)
      throw new Error(`${spec.endpointId}: reply does not match the registry schema: ${parsed.error.message.slice(0, 500)}`);
    replies.set(spec.endpointId, answer.body);
  }
  return replies;
}
