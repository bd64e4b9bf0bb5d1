import { z } from "zod";
import { MAX_JOURNAL_REPLY_BYTES, MAX_JOURNAL_REQUEST_BYTES } from "../../mocks/core/bounds.js";
import { defineControlRoute, type ControlRoute } from "./control-route.js";
import { journalQuerySchema } from "./schemas.js";
import { vendorSchema } from "../fault-spec.js";

const truncated = z.literal(true).optional();

const journalRequestSchema = z
  .object({
    query: z
      .record(z.string(), z.union([z.string(), z.array(z.string())]))
      .meta({ description: "Decoded query; a repeated name gives a list." }),
    headers: z
      .record(z.string(), z.string())
      .meta({ description: "Lower-cased names; Authorization, cookies and session tokens removed." }),
    body: z.unknown().optional().meta({ description: "The body, when it is JSON." }),
    bodyText: z.string().optional().meta({ description: "The body as text, when it is not JSON (a form, or cut)." }),
    truncated: truncated.meta({
      description: `Cut at ${MAX_JOURNAL_REQUEST_BYTES} bytes: later query and header members left out, the body cut.`,
    }),
  })
  .meta({ id: "JournalRequest", description: "The request as the vendor reads it, without signatures, secrets, tokens or cookies." });

const journalReplySchema = z
  .object({
    body: z.unknown().optional(),
    bodyText: z.string().optional(),
    truncated: truncated.meta({ description: `Cut at ${MAX_JOURNAL_REPLY_BYTES} bytes (then the body is in bodyText).` }),
  })
  .meta({ id: "JournalReply", description: "The reply body: JSON in `body`, anything else (or a cut body) in `bodyText`." });

const journalEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.number().int().meta({ description: "Mock-clock time (epoch ms)." }),
    method: z.string(),
    path: z.string().meta({ description: "Path and query without signature parameters." }),
    vendor: vendorSchema.optional(),
    action: z.string().optional(),
    tenant: z.string().optional(),
    status: z.number().int().meta({ description: "HTTP status (0: the connection was dropped)." }),
    errorCode: z.string().optional(),
    faultId: z.string().optional(),
    latencyMs: z.number().meta({ description: "Wall time from the request reaching the engine to its reply, injected latency included." }),
    request: journalRequestSchema,
    reply: journalReplySchema.optional().meta({ description: "Absent for a dropped connection." }),
  })
  .meta({ id: "JournalEntry", description: "One handled request and its reply, sanitized: no signatures, secrets, tokens or cookies." });

/** GET and DELETE /journal. */
export const journalRoutes: ControlRoute[] = [
  defineControlRoute({
    method: "GET",
    path: "/journal",
    summary:
      "The most recent requests, oldest first (bounded by the journal size), filtered by vendor, action, tenant, status, error code or seq",
    query: journalQuerySchema,
    response: {
      status: 200,
      description: "Journal entries",
      schema: z.object({ capacity: z.number().int(), entries: z.array(journalEntrySchema) }),
    },
    handle: ({ query }, { engine }) => ({ body: { capacity: engine.journal.capacity, entries: engine.journal.entries(query) } }),
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
