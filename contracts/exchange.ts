/**
 * The wire-level request and reply the contract suite works on. Targets send a `ContractRequest`
 * and hand back the raw reply, so every check sees exactly the bytes a client would.
 */

/** A request as a case builds it, before the target adds host and signature. */
export interface ContractRequest {
  method: "GET" | "POST";
  /** Path and query, e.g. `/?Action=ListRealTimeQuality&Version=2020-12-01`. */
  path: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** Body text (empty for GET). */
  body: string;
}

/** A raw reply: status, lower-cased headers and the body text, unparsed. */
export interface ContractResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request and its reply, with the target clock at both ends (epoch ms). */
export interface Exchange {
  request: ContractRequest;
  response: ContractResponse;
  /** Target clock when the request left. */
  sentAt: number;
  /** Target clock when the reply arrived; time rules judge "now" by this. */
  receivedAt: number;
  /** Real milliseconds from sending to the whole reply (the latency budget judges it); absent when unknown (recordings). */
  elapsedMs?: number;
}

/** Lower-cases header names; repeated values are joined with `, `. */
export function lowerCaseHeaders(headers: Iterable<[string, string]> | Record<string, string>): Record<string, string> {
  const entries = Symbol.iterator in headers ? (headers as Iterable<[string, string]>) : Object.entries(headers);
  const out: Record<string, string> = {};
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    out[key] = key in out ? `${out[key]}, ${value}` : value;
  }
  return out;
}
