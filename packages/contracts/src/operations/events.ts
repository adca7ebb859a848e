import { z } from "zod";
import { defineOperation } from "../operation";
import { Page } from "../pagination";
import { EXAMPLE_EGRESS_EVENT, EXAMPLE_IDS } from "./examples";
import { EVENT_TYPES } from "./ingest";

export const CapturedEvent = z
  .object({
    /** Server id (a decimal string: it is a 64-bit number). */
    id: z.string(),
    clientEventId: z.string(),
    type: z.string(),
    ts: z.iso.datetime(),
    runId: z.string().nullable(),
    turnId: z.string().nullable(),
    /** Position in the run, assigned by the server on arrival. */
    seq: z.number().int().nullable(),
    /** The event's data, redacted (never raw). */
    data: z.unknown(),
    sizeBytes: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "CapturedEvent" });
export type CapturedEvent = z.infer<typeof CapturedEvent>;

export const ListEventsQuery = z.object({
  runId: z.string().regex(/^run_[0-9a-z]{26}$/).optional(),
  type: z.enum(EVENT_TYPES).optional(),
  cursor: z.string().min(1).max(128).optional().describe("The `nextCursor` of the previous page."),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe("Items per page, 1–500 (default 100)."),
});
export type ListEventsQuery = z.infer<typeof ListEventsQuery>;

export const listEvents = defineOperation({
  id: "listEvents",
  method: "GET",
  path: "/api/v1/projects/{id}/events",
  tag: "Events",
  summary: "List a project's captured events",
  description: "Oldest first (by event time, then arrival), cursor-paginated. Values are redacted.",
  auth: "principal",
  scope: "projects:read",
  params: z.object({ id: z.string().regex(/^prj_[0-9a-z]{26}$/).describe("Project id (`prj_…`).") }),
  exampleParams: { id: EXAMPLE_IDS.project },
  query: ListEventsQuery,
  exampleQuery: { runId: EXAMPLE_IDS.run, type: "egress.http", limit: 100 },
  success: { status: 200, description: "A page of events.", schema: Page(CapturedEvent) },
  exampleResponse: {
    data: [
      {
        ...EXAMPLE_EGRESS_EVENT,
        id: "58213",
        clientEventId: EXAMPLE_EGRESS_EVENT.id,
        seq: 3,
        sizeBytes: 396,
        createdAt: "2026-03-04T14:00:08.240Z",
      },
    ],
    nextCursor: null,
  },
});
