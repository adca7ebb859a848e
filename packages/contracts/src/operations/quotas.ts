import { z } from "zod";
import { defineOperation } from "../operation";
import { OrganizationParams, OrganizationTier } from "./organizations";
import { CreateRunInput } from "./runs";

/**
 * Every limit, by the name `quota_exceeded` errors give it (the quota_policies column names).
 * Bytes, tokens and micro-dollars are plain numbers: they stay far below 2^53.
 */
export const QUOTA_NAMES = [
  "projects_per_org",
  "runs_per_project_per_day",
  "runs_per_org_per_day",
  "runs_per_org_per_month",
  "concurrent_runs",
  "events_per_run",
  "stored_bytes",
  "turns_per_run",
  "runtime_seconds_per_run",
  "agent_calls_per_run",
  "judge_tokens_per_run",
  "cost_micros_per_run",
  "cost_micros_per_day",
] as const;
export const QuotaName = z.enum(QUOTA_NAMES);
export type QuotaName = z.infer<typeof QuotaName>;

export const QuotaScope = z.enum(["org", "project", "run"]);
export type QuotaScope = z.infer<typeof QuotaScope>;

const Limit = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A value per quota; null means no limit (resolved) or inherit (an override). */
export const QuotaLimits = z.object(Object.fromEntries(QUOTA_NAMES.map((name) => [name, Limit.nullable()])) as Record<QuotaName, z.ZodNullable<typeof Limit>>).meta({ id: "QuotaLimits" });
export type QuotaLimits = z.infer<typeof QuotaLimits>;

export const OrganizationQuotas = z
  .object({
    orgId: z.string(),
    tier: OrganizationTier,
    /** What is in force: the override, else the tier row, else the default in code (null: unlimited). */
    effective: QuotaLimits,
    /** The organization's own overrides (null: inherits). */
    overrides: QuotaLimits,
    /** Where each effective value comes from. */
    sources: z.record(QuotaName, z.enum(["override", "tier", "default"])),
  })
  .meta({ id: "OrganizationQuotas" });
export type OrganizationQuotas = z.infer<typeof OrganizationQuotas>;

export const UpdateOrganizationQuotasInput = z
  .strictObject(Object.fromEntries(QUOTA_NAMES.map((name) => [name, Limit.nullable().optional()])) as Record<QuotaName, z.ZodOptional<z.ZodNullable<typeof Limit>>>)
  .describe("Overrides to set; `null` clears one (the tier's value applies again), an absent key leaves it as it is.")
  .meta({ id: "UpdateOrganizationQuotasInput" });
export type UpdateOrganizationQuotasInput = z.infer<typeof UpdateOrganizationQuotasInput>;

export const QuotaStatus = z
  .object({
    quota: QuotaName,
    scope: QuotaScope,
    limit: z.number().nullable(),
    /** For org-wide quotas, the organization's use; per-project and per-run quotas show the busiest project or 0 (they are checked at each run). */
    used: z.number(),
    percent: z.number().nullable(),
    resetAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "QuotaStatus" });
export type QuotaStatus = z.infer<typeof QuotaStatus>;

export const QuotaReport = z.object({ tier: OrganizationTier, quotas: z.array(QuotaStatus) }).meta({ id: "QuotaReport" });
export type QuotaReport = z.infer<typeof QuotaReport>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("A UTC day, YYYY-MM-DD.");

export const UsageQuery = z
  .object({
    from: Day.optional().describe("First day (inclusive); 30 days before `to` by default."),
    to: Day.optional().describe("Last day (inclusive); today by default."),
    groupBy: z.enum(["day", "project"]).default("day"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });
export type UsageQuery = z.infer<typeof UsageQuery>;

export const UsageTotals = z.object({
  runs: z.number(),
  turns: z.number(),
  agentCalls: z.number(),
  events: z.number(),
  /** Net: retention records freed space as negative. */
  storedBytes: z.number(),
  judgeTokens: z.number(),
  costMicros: z.number(),
});

export const UsageHistory = z
  .object({
    from: Day,
    to: Day,
    groupBy: z.enum(["day", "project"]),
    rows: z.array(UsageTotals.extend({ day: Day.optional(), projectId: z.string().nullable().optional() })),
    totals: UsageTotals,
  })
  .meta({ id: "UsageHistory" });
export type UsageHistory = z.infer<typeof UsageHistory>;

export const RunEstimate = z
  .object({
    turns: z.number().int().describe("Turns the plan holds, within the run's turn and agent-call caps."),
    agentCalls: z.number().int().describe("One call per turn (retries after 429/503 come on top)."),
    judgeTokens: z.number().int().describe("Upper bound: every judged turn sent to the LLM judge (0 without one)."),
    costMicros: z.number().int().describe("From the cost model (COST_MODEL): agent calls and judge tokens."),
    costUsd: z.number(),
    durationSeconds: z.number().int().describe("From the connector's requests per second and concurrency and a per-turn time."),
    fits: z.boolean().describe("Whether the run may start now under every limit."),
    quotas: z.array(
      z.object({
        quota: QuotaName,
        limit: z.number().nullable(),
        used: z.number(),
        wouldUse: z.number(),
        fits: z.boolean(),
        blocking: z.boolean().describe("Whether not fitting refuses the run; otherwise it starts and stops at the cap."),
      }),
    ),
  })
  .meta({ id: "RunEstimate" });
export type RunEstimate = z.infer<typeof RunEstimate>;

const ProjectId = z.string().regex(/^prj_[0-9a-z]{26}$/).describe("Project id (`prj_…`).");

export const getOrganizationQuotas = defineOperation({
  id: "getOrganizationQuotas",
  method: "GET",
  path: "/api/v1/admin/organizations/{id}/quotas",
  tag: "Platform administration",
  summary: "Get an organization's quotas",
  description: "The limits in force, the organization's overrides and where each value comes from (override → tier → default).",
  auth: "platform_admin",
  params: OrganizationParams,
  success: { status: 200, description: "The organization's quotas.", schema: OrganizationQuotas },
});

export const updateOrganizationQuotas = defineOperation({
  id: "updateOrganizationQuotas",
  method: "PUT",
  path: "/api/v1/admin/organizations/{id}/quotas",
  tag: "Platform administration",
  summary: "Override an organization's quotas",
  description: "Sets or clears (null) per-organization overrides of the tier's limits. Recorded in the organization's own audit log.",
  auth: "platform_admin",
  params: OrganizationParams,
  body: UpdateOrganizationQuotasInput,
  exampleBody: { runs_per_org_per_day: 500, concurrent_runs: null },
  success: { status: 200, description: "The organization's quotas.", schema: OrganizationQuotas },
});

export const getQuotas = defineOperation({
  id: "getQuotas",
  method: "GET",
  path: "/api/v1/quotas",
  tag: "Usage",
  summary: "The organization's limits and how much of each is used",
  auth: "principal",
  scope: "usage:read",
  success: { status: 200, description: "Each limit with its use and when it resets.", schema: QuotaReport },
});

export const getUsage = defineOperation({
  id: "getUsage",
  method: "GET",
  path: "/api/v1/usage",
  tag: "Usage",
  summary: "Usage history",
  description: "Runs, turns, agent calls, events, stored bytes, judge tokens and cost per UTC day or per project, from the daily rollups.",
  auth: "principal",
  scope: "usage:read",
  query: UsageQuery,
  success: { status: 200, description: "The usage rows and their totals.", schema: UsageHistory },
});

export const estimateRun = defineOperation({
  id: "estimateRun",
  method: "POST",
  path: "/api/v1/projects/{id}/runs/estimate",
  tag: "Runs",
  summary: "Estimate a run before starting it",
  description: "Takes the body of `POST /api/v1/projects/{id}/runs` and returns the expected turns, agent calls, judge tokens, cost and duration, and whether the run fits each limit. Starts nothing.",
  auth: "principal",
  scope: "runs:read",
  params: z.object({ id: ProjectId }),
  body: CreateRunInput,
  exampleBody: { categories: ["secret_leakage", "data_exfiltration"], intensity: "medium" },
  success: { status: 200, description: "The estimate.", schema: RunEstimate },
});
