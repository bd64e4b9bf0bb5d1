import { behaviours } from "../mocks/behaviours.js";
import type { ExampleRequest } from "../mocks/core/behaviour.js";
import type { EndpointId } from "../schemas/registry.js";

/** One HTTP request as the load generator sends it (path relative to the server). */
export interface BenchRequest extends ExampleRequest {
  endpointId: EndpointId;
}

/** Every endpoint's example request at mock time `now` (epoch ms, a whole second), unsigned: the behaviour table's `example(now)`. */
export function exampleRequests(now: number): BenchRequest[] {
  return Object.values(behaviours).map((behaviour) => ({ endpointId: behaviour.id, ...behaviour.example(now) }));
}
