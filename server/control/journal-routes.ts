import { z } from "zod";
import { defineControlRoute, type ControlRoute } from "./control-route.js";
import { journalQuerySchema } from "./schemas.js";

const journalEntrySchema = z
  .looseObject({ seq: z.number().int(), at: z.number().int(), method: z.string(), path: z.string(), status: z.number().int() })
  .meta({ id: "JournalEntry", description: "One handled request, sanitized: no headers, bodies, signatures or secrets." });

/** GET and DELETE /journal. */
export const journalRoutes: ControlRoute[] = [
  defineControlRoute({
    method: "GET",
    path: "/journal",
    summary: "The most recent requests, oldest first (bounded by the journal size)",
    query: journalQuerySchema,
    response: {
      status: 200,
      description: "Journal entries",
      schema: z.object({ capacity: z.number().int(), entries: z.array(journalEntrySchema) }),
    },
    handle: ({ query }, { engine }) => {
      let entries = engine.journal.entries();
      if (query.vendor !== undefined) entries = entries.filter((entry) => entry.vendor === query.vendor);
      if (query.action !== undefined) entries = entries.filter((entry) => entry.action === query.action);
      if (query.limit !== undefined) entries = entries.slice(-query.limit);
      return { body: { capacity: engine.journal.capacity, entries } };
    },
  }),
  defineControlRoute({
    method: "DELETE",
    path: "/journal",
    summary: "Empty the journal",
    response: { status: 204, description: "Emptied" },
    handle: (_input, { engine }) => {
      engine.journal.clear();
      return { status: 204 };
    },
  }),
];
