import { demoCredentials } from "../../mocks/options.js";
import { endpoint, vendorRequest, type RequestChanges, type SignOptions, type VendorRequest } from "./requests.js";

/** Tencent LCIC DescribeRoomStatistics (registry entry: `id`, `action`, `version`). */
export const TS = endpoint("tencent.DescribeRoomStatistics");

/** The demo Tencent credential (SecretId, SecretKey) the engine accepts in verify mode. */
export const tencentDemo = demoCredentials.tencent[0]!;

/** A DescribeRoomStatistics body for `roomId`: `{ RoomId, Page, Limit }` in the SDK's key order. */
export function roomStatisticsBody(roomId = 1, page = 1, limit = 10) {
  return { RoomId: roomId, Page: page, Limit: limit };
}

/**
 * DescribeRoomStatistics as the SDK sends it (the endpoint's example, asking for room 1, page 1,
 * limit 10 unless `changes` give another body), signed when `changes.sign` is set.
 */
export function roomStatisticsRequest(changes: RequestChanges & { sign?: SignOptions; now?: number } = {}): VendorRequest {
  return vendorRequest(TS, { body: roomStatisticsBody(), ...changes });
}

/**
 * DescribeRoomStatistics as a GET (the SDK's reqMethod GET): parameters in the query, a form
 * content type and an empty body; `changes` apply on top.
 */
export function roomStatisticsGet(query: string, changes: RequestChanges & { sign?: SignOptions; now?: number } = {}): VendorRequest {
  return roomStatisticsRequest({
    method: "GET",
    path: `/?${query}`,
    body: "",
    ...changes,
    headers: { "content-type": "application/x-www-form-urlencoded", ...changes.headers },
  });
}

/** The `Response` of a Tencent reply, after checking it is HTTP 200 (Tencent answers its errors with 200 too). */
export function tencentResponse(reply: { status: number; text: string; json: unknown }): Record<string, unknown> & {
  Error?: { Code: string; Message: string };
  RequestId: string;
} {
  if (reply.status !== 200) throw new Error(`expected HTTP 200, got ${reply.status}: ${reply.text}`);
  return (reply.json as { Response: ReturnType<typeof tencentResponse> }).Response;
}
