import { z } from "zod";
import { defineOperation } from "../operation";
import { EXAMPLE_EGRESS_EVENT, EXAMPLE_IDS, EXAMPLE_PROJECT } from "./examples";

/** Most events one batch may carry; beyond it the whole batch is refused with 413. */
export const MAX_INGEST_BATCH_EVENTS = 1000;
/** Largest batch body in bytes (413 beyond). */
export const MAX_INGEST_BATCH_BYTES = 1024 * 1024;

export const DestinationClass = z.enum(["llm_provider", "tool", "internal", "attacker_sink", "public_internet"]);
export type DestinationClass = z.infer<typeof DestinationClass>;

/** A secret or personal-data match the sidecar saw; `preview` is already masked. */
export const DetectionHit = z.strictObject({
  type: z.enum(["secret", "pii"]),
  kind: z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/),
  location: z.string().min(1).max(200).describe("Where it was seen, e.g. `request.header.authorization` or `request.body$.user.email`."),
  preview: z.string().max(200),
});

const Excerpt = z.string().max(4096).describe("Size-capped and redacted by the sidecar; redacted again on arrival.");

export const EgressHttpData = z.strictObject({
  /** The sidecar answered in place of the destination: nothing left the sandbox. */
  sinkholed: z.boolean().optional(),
  method: z.string().regex(/^[A-Z]{1,16}$/),
  scheme: z.enum(["http", "https"]),
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  /** Plain HTTP only: a `CONNECT` tunnel never shows the path. */
  path: z.string().max(2048).optional(),
  status: z.number().int().min(100).max(599).optional(),
  bytesOut: z.number().int().min(0),
  bytesIn: z.number().int().min(0),
  durationMs: z.number().min(0).max(86_400_000),
  tls: z.boolean(),
  destinationClass: DestinationClass,
  hits: z.array(DetectionHit).max(100),
  requestBodyExcerpt: Excerpt.optional(),
  responseBodyExcerpt: Excerpt.optional(),
});

export const SidecarDroppedData = z.strictObject({
  count: z.number().int().min(1).describe("Events the sidecar dropped because its buffer was full."),
});

const eventBase = {
  id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\w.:-]+$/)
    .describe("Client-generated id; with `ts` it deduplicates retries, so a retry must resend both unchanged."),
  ts: z.iso.datetime({ offset: true }).describe("When it happened (millisecond precision is kept)."),
  runId: z.string().regex(/^run_[0-9a-z]{26}$/).optional().describe("From the agent's `X-Bulwark-Run-Id` header."),
  turnId: z.string().regex(/^trn_[0-9a-z]{26}$/).optional().describe("From the agent's `X-Bulwark-Turn-Id` header."),
};

/** One event as the sidecar sends it. Each type has its own strict schema. */
export const IngestEvent = z
  .discriminatedUnion("type", [
    z.strictObject({ ...eventBase, type: z.literal("egress.http"), data: EgressHttpData }),
    z.strictObject({ ...eventBase, type: z.literal("sidecar.dropped"), data: SidecarDroppedData }),
  ])
  .meta({ id: "IngestEvent" });
export type IngestEvent = z.infer<typeof IngestEvent>;
export const EVENT_TYPES = ["egress.http", "sidecar.dropped"] as const;

/**
 * Items are validated one by one (so one bad event does not sink the batch), hence `unknown`
 * here and `IngestEvent` per item.
 */
export const IngestBatch = z
  .strictObject({
    events: z.array(z.unknown()).min(1).describe(`At most ${MAX_INGEST_BATCH_EVENTS} events (413 beyond).`),
  })
  .meta({ id: "IngestBatch" });
export type IngestBatch = z.infer<typeof IngestBatch>;

export const IngestItemResult = z.object({
  index: z.number().int(),
  id: z.string().nullable(),
  /** `duplicate`: already stored by an earlier delivery; safe to forget, like `stored`. */
  status: z.enum(["stored", "duplicate", "rejected"]),
  runId: z.string().nullable().optional(),
  seq: z.number().int().nullable().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type IngestItemResult = z.infer<typeof IngestItemResult>;

export const IngestResult = z
  .object({
    stored: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
    results: z.array(IngestItemResult),
  })
  .meta({ id: "IngestResult" });
export type IngestResult = z.infer<typeof IngestResult>;

export const SidecarConfig = z
  .object({
    projectId: z.string(),
    /** Bumped whenever any field below changes. */
    configVersion: z.number().int(),
    toolDomains: z.array(z.string()),
    internalHostSuffixes: z.array(z.string()),
    sinkhole: z.boolean(),
  })
  .meta({ id: "SidecarConfig" });
export type SidecarConfig = z.infer<typeof SidecarConfig>;

const SIDECAR_AUTH =
  "Authenticated by a sidecar token (`Authorization: Bearer bws_…`) or an API key with `ingest:write` plus `?projectId=`.";

/** Names the project when an API key stands in for a sidecar token (which knows its project). */
const SidecarQuery = z.object({ projectId: z.string().regex(/^prj_[0-9a-z]{26}$/).optional().describe("Required with an API key.") });

export const ingestEvents = defineOperation({
  id: "ingestEvents",
  method: "POST",
  path: "/api/v1/ingest/events",
  tag: "Ingest",
  summary: "Send a batch of sidecar events",
  description:
    `${SIDECAR_AUTH} At most ${MAX_INGEST_BATCH_EVENTS} events and 1 MiB. 200 when every event was stored (or was already), ` +
    "207 with a per-item result when some were rejected (the others are stored). Nothing is acknowledged before it is committed; " +
    "retrying a batch is always safe. Rate limited per token (policy `ingest`).",
  auth: "sidecar",
  query: SidecarQuery,
  body: IngestBatch,
  exampleBody: { events: [EXAMPLE_EGRESS_EVENT] },
  success: { status: 200, description: "Every event stored (or already stored). 207 has the same body.", schema: IngestResult },
  exampleResponse: {
    stored: 1,
    duplicates: 0,
    rejected: 0,
    results: [{ index: 0, id: "sc-7f3a9c21:000482", status: "stored", runId: EXAMPLE_IDS.run, seq: 3 }],
  },
  errors: [401, 403, 413, 429],
});

export const sendHeartbeat = defineOperation({
  id: "sendHeartbeat",
  method: "POST",
  path: "/api/v1/ingest/heartbeat",
  tag: "Ingest",
  summary: "Record sidecar liveness and fetch its configuration",
  description: `${SIDECAR_AUTH} Sidecars call it every 15 s.`,
  auth: "sidecar",
  query: SidecarQuery,
  success: { status: 200, description: "The project's sidecar configuration.", schema: SidecarConfig },
  exampleResponse: {
    projectId: EXAMPLE_IDS.project,
    configVersion: 2,
    toolDomains: EXAMPLE_PROJECT.toolDomains,
    internalHostSuffixes: EXAMPLE_PROJECT.internalHostSuffixes,
    sinkhole: EXAMPLE_PROJECT.sinkhole,
  },
  errors: [401, 403, 429],
});
