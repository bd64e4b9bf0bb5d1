import { z } from "zod";
import { RoomSpec } from "../../mocks/tencent/room-spec.js";
import { ControlError } from "./control-error.js";
import { defineControlRoute, type ControlRoute } from "./control-route.js";
import { roomIdParamsSchema } from "./schemas.js";

const roomSchema = z.looseObject({}).meta({ id: "Room", description: "A Tencent LCIC room and its lifecycle (see docs/tencent.md)." });

/** GET, POST and DELETE /rooms: the Tencent LCIC rooms DescribeRoomStatistics reports on. */
export const roomRoutes: ControlRoute[] = [
  defineControlRoute({
    method: "GET",
    path: "/rooms",
    summary: "List the Tencent LCIC rooms",
    response: { status: 200, description: "The rooms", schema: z.object({ rooms: z.array(roomSchema) }) },
    handle: (_input, { engine }) => ({ body: { rooms: engine.backends.tencent.rooms.list() } }),
  }),
  defineControlRoute({
    method: "GET",
    path: "/rooms/:roomId",
    summary: "One room",
    params: roomIdParamsSchema,
    response: { status: 200, description: "The room", schema: roomSchema },
    handle: ({ params }, { engine }) => {
      const room = engine.backends.tencent.rooms.get(params.roomId);
      if (room === undefined) throw new ControlError(404, `No room ${params.roomId}`);
      return { body: room };
    },
  }),
  defineControlRoute({
    method: "POST",
    path: "/rooms",
    summary: "Add a room (the registry validates it; an invalid room is a 400 with the reason)",
    // The registry validates (with its own messages); the schema is shown in the docs.
    body: z.unknown(),
    documentedBody: RoomSpec,
    bodyOptional: true,
    response: { status: 201, description: "The room as registered", schema: roomSchema },
    handle: ({ body }, { engine }) => {
      try {
        return { status: 201, body: engine.backends.tencent.rooms.add(body) };
      } catch (cause) {
        throw new ControlError(400, cause instanceof Error ? cause.message : String(cause));
      }
    },
  }),
  defineControlRoute({
    method: "DELETE",
    path: "/rooms/:roomId",
    summary: "Remove a room",
    params: roomIdParamsSchema,
    response: { status: 204, description: "Removed" },
    handle: ({ params }, { engine }) => {
      if (!engine.backends.tencent.rooms.remove(params.roomId)) throw new ControlError(404, `No room ${params.roomId}`);
      return { status: 204 };
    },
  }),
];
