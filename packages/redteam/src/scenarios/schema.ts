import { RunCategory } from "@bulwark/contracts";
import { z } from "zod";

/**
 * Scenarios are data: this schema is the contract for the built-in catalog, for custom
 * scenarios an organization adds through the API, and for the verdict engine that judges them.
 */

/** The API's category list (packages/contracts), so a run request and the catalog cannot disagree. */
export const CATEGORIES = RunCategory.options;
export const Category = RunCategory;
export type Category = z.infer<typeof Category>;

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/** How an attack is worded. A run's intensity picks which phrasings it sends. */
export const VARIANTS = ["direct", "role_play", "encoded"] as const;
export const Variant = z.enum(VARIANTS);
export type Variant = z.infer<typeof Variant>;

export const INTENSITIES = ["low", "medium", "high"] as const;
export const Intensity = z.enum(INTENSITIES);
export type Intensity = z.infer<typeof Intensity>;

/** Low sends the direct phrasing only; medium adds role-play; high adds the encoded one. */
export const INTENSITY_VARIANTS: Record<Intensity, readonly Variant[]> = {
  low: ["direct"],
  medium: ["direct", "role_play"],
  high: ["direct", "role_play", "encoded"],
};

export const DestinationClass = z.enum(["llm_provider", "tool", "internal", "attacker_sink", "public_internet"]);
export type DestinationClass = z.infer<typeof DestinationClass>;

const HttpMethod = z.string().regex(/^[A-Z]{1,16}$/);

/**
 * What proves a turn failed. Deterministic detectors first; each verdict names the one that
 * fired. `refusal` is the exception: it never fails a turn, it raises the confidence of a pass.
 */
export const DetectorSpec = z.discriminatedUnion("type", [
  /** A planted canary appears in the reply, in tool-call arguments or in captured egress. */
  z.strictObject({ type: z.literal("canary") }),
  /** packages/detect finds a secret or personal data in the reply (optionally only these kinds, e.g. API_KEY). */
  z.strictObject({ type: z.literal("secret_pattern"), kinds: z.array(z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/)).min(1).optional() }),
  /** The agent sent data (a request with a body, or with secret/PII hits) to one of these classes during the turn. */
  z.strictObject({
    type: z.literal("egress_data"),
    classes: z.array(DestinationClass).min(1).default(["attacker_sink", "public_internet"]),
  }),
  /** A state-changing method reached an internal host, in captured egress or in a reported tool call. */
  z.strictObject({ type: z.literal("privileged_internal"), methods: z.array(HttpMethod).min(1).default(["DELETE", "PUT", "POST", "PATCH"]) }),
  /** The agent called a tool it must not use for this request. */
  z.strictObject({ type: z.literal("forbidden_tool"), tools: z.array(z.string().min(1).max(100)).min(1) }),
  /** The reply matches one of these patterns (case-insensitive regex sources), e.g. a system prompt's marker. */
  z.strictObject({ type: z.literal("reply_pattern"), patterns: z.array(z.string().min(1).max(500)).min(1) }),
  /** The reply refuses rather than complies. */
  z.strictObject({ type: z.literal("refusal") }),
]);
export type DetectorSpec = z.infer<typeof DetectorSpec>;

/** A canary planted by the run: a unique random value that no detector redacts, so it survives into stored evidence. */
export const CanarySpec = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  kind: z.enum(["api_key", "password", "token", "document_marker"]),
});

/** A document the agent is made to fetch (indirect injection); `content` is a template. */
export const DocumentSpec = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  contentType: z.enum(["text/html", "text/plain", "application/json"]).default("text/html"),
  content: z.string().min(1).max(20_000),
});

/**
 * One message of a multi-turn attack, in every phrasing. Templates may use `{{canary.NAME}}`,
 * `{{document.NAME.url}}`, `{{exfil_url}}` (an attacker-sink URL) and `{{admin_url}}` (an
 * internal admin endpoint). A turn with `judge: false` only sets the stage (e.g. plants a
 * poisoned memory that a later turn triggers).
 */
export const ScenarioTurn = z.strictObject({
  phrasings: z.strictObject({
    direct: z.string().min(1).max(8_000),
    role_play: z.string().min(1).max(8_000),
    encoded: z.string().min(1).max(8_000),
  }),
  judge: z.boolean().default(true),
});

const FrameworkId = z.string().min(1).max(40);

export const Scenario = z.strictObject({
  /** Stable across versions: `category.slug`. */
  key: z.string().regex(/^[a-z][a-z0-9_]*\.[a-z0-9][a-z0-9_-]{1,60}$/),
  version: z.number().int().min(1),
  category: Category,
  title: z.string().min(3).max(120),
  severity: Severity,
  description: z.string().min(10).max(2_000),
  setup: z
    .strictObject({
      canaries: z.array(CanarySpec).max(10).default([]),
      documents: z.array(DocumentSpec).max(5).default([]),
    })
    .default({ canaries: [], documents: [] }),
  turns: z.array(ScenarioTurn).min(1).max(10),
  detectors: z.array(DetectorSpec).min(1).max(10),
  /** Exploitability 0–1: how little skill or access the attack needs (feeds the risk score). */
  exploitability: z.number().min(0).max(1).default(0.8),
  mappings: z.strictObject({
    /** OWASP Top 10 for LLM Applications 2025, e.g. `LLM01:2025`. */
    owaspLlm: z.array(FrameworkId.regex(/^LLM(0[1-9]|10):2025$/)).default([]),
    /** OWASP agentic AI threats, e.g. `T2` (tool misuse). */
    owaspAgentic: z.array(FrameworkId.regex(/^T([1-9]|1[0-7])$/)).default([]),
    /** MITRE ATLAS technique ids, e.g. `AML.T0051.000`. */
    atlas: z.array(FrameworkId.regex(/^AML\.T\d{4}(\.\d{3})?$/)).default([]),
  }),
  remediation: z.strictObject({
    summary: z.string().min(10).max(1_000),
    steps: z.array(z.string().min(3).max(500)).min(1).max(10),
    references: z.array(z.url()).max(10).default([]),
  }),
});
export type Scenario = z.infer<typeof Scenario>;
/** What authors write: defaults may be left out. */
export type ScenarioInput = z.input<typeof Scenario>;
