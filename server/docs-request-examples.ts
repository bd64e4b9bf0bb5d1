import { behaviours } from "../mocks/behaviours.js";
import type { MockEngine } from "../mocks/core/engine.js";
import { beijingTime } from "../mocks/volcengine/example.js";
import { endpointById, type EndpointId } from "../schemas/registry.js";

/** How long after the page loaded its examples stay valid on a running clock. */
export const PAGE_SLACK_MS = 10 * 60_000;

/** An endpoint's example request split the way an OpenAPI operation holds it. */
export interface DocsRequestExample {
  /** Query values by parameter name; a repeated key (ZEGO's `Metrics[]`) keeps every value in order. */
  query: Map<string, string[]>;
  /** Header values by lower-case name. */
  headers: Record<string, string>;
  /** The JSON body, parsed; undefined for GET endpoints. */
  body: unknown;
}

/**
 * The request the docs page prefills for an endpoint: its behaviour's `example(now)` at `now`, the
 * serving session's mock time, so every time window in it is live when the page loads (the
 * examples are built to lie inside every window and name data that exists by default).
 */
export function docsRequestExample(id: EndpointId, engine: MockEngine, now: number): DocsRequestExample {
  const example = behaviours[id].example(now);
  const query = new Map<string, string[]>();
  for (const [name, value] of new URL(example.path, "http://docs.invalid").searchParams)
    query.set(name, [...(query.get(name) ?? []), value]);
  let body = example.body === undefined ? undefined : (JSON.parse(example.body) as unknown);
  if (id === "tencent.DescribeRoomStatistics") body = withEndedRoom(body, engine);
  else if (id.startsWith("volcengine.")) body = withSlack(id, body as Record<string, unknown>, now);
  return { query, headers: example.headers, body };
}

/**
 * A running clock moves on between page load and Execute. The Volcengine real-time examples span
 * their action's whole lookback (StartTime = now − 60 min, the documented limit in
 * schemas/volcengine/limits.ts), so a minute later they are out of range; the page starts such an
 * example PAGE_SLACK_MS later. (ZEGO's example starts 10 min into a 2 h lookback and the Tencent
 * room stays ended, so theirs keep.)
 */
function withSlack(id: EndpointId, body: Record<string, unknown>, now: number): Record<string, unknown> {
  const lookbackMs = endpointById(id)?.limits.lookbackMs?.value;
  if (lookbackMs === undefined || typeof body.StartTime !== "string" || typeof body.EndTime !== "string") return body;
  const earliest = now - lookbackMs + PAGE_SLACK_MS;
  if (Date.parse(body.StartTime) >= earliest || earliest >= Date.parse(body.EndTime)) return body;
  // Whole seconds, rounded up so the slack is never short.
  return { ...body, StartTime: beijingTime(Math.ceil(earliest / 1000) * 1000) };
}

/**
 * Tencent answers statistics only for a room that exists and has ended (and whose statistics are
 * computed): https://www.tencentcloud.com/document/api/1168/52791. The example names a seeded
 * ended room; rooms are the session's state (deleted, re-seeded or never seeded with
 * `tencent.seedRooms: false`), so the page names that room when it has ended by now, else the
 * first room that has, else leaves the example as it is (the reply then says which error).
 */
function withEndedRoom(body: unknown, engine: MockEngine): unknown {
  const example = body as { RoomId: number };
  const rooms = engine.backends.tencent.rooms.list();
  if (rooms.some((room) => room.roomId === example.RoomId && room.state === "ended")) return body;
  const ended = rooms.find((room) => room.state === "ended");
  return ended === undefined ? body : { ...example, RoomId: ended.roomId };
}
