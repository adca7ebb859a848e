import { z } from "zod";
import { defineOperation } from "../operation";
import { EXAMPLE_IDS } from "./examples";
import { OrganizationParams, OrganizationTier } from "./organizations";
import { CreateRunInput } from "./runs";
import { TIER_DEFAULTS } from "../tier-defaults";

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

// The example organization is on the team tier (DEPLOYMENT.md, "Tiers and quotas") with one
// override: 500 runs a day.
const EXAMPLE_TEAM_LIMITS: QuotaLimits = { ...TIER_DEFAULTS.TEAM, runs_per_org_per_day: 500 };
const EXAMPLE_ORGANIZATION_QUOTAS: OrganizationQuotas = {
  orgId: EXAMPLE_IDS.org,
  tier: "team",
  effective: EXAMPLE_TEAM_LIMITS,
  overrides: { ...Object.fromEntries(QUOTA_NAMES.map((name) => [name, null])), runs_per_org_per_day: 500 } as QuotaLimits,
  sources: { ...Object.fromEntries(QUOTA_NAMES.map((name) => [name, "default"])), runs_per_org_per_day: "override" } as OrganizationQuotas["sources"],
};
// Use on 2026-03-04 (see getUsage): two runs this month, one of them today, 471,235 bytes stored, $0.0272 spent today.
const EXAMPLE_USED: Partial<Record<QuotaName, number>> = {
  projects_per_org: 1,
  runs_per_project_per_day: 1,
  runs_per_org_per_day: 1,
  runs_per_org_per_month: 2,
  stored_bytes: 471_235,
  cost_micros_per_day: 27_200,
};
const PER_RUN_QUOTAS = new Set<QuotaName>(["events_per_run", "turns_per_run", "runtime_seconds_per_run", "agent_calls_per_run", "judge_tokens_per_run", "cost_micros_per_run"]);
const RESETS: Partial<Record<QuotaName, string>> = {
  runs_per_project_per_day: "2026-03-05T00:00:00.000Z",
  runs_per_org_per_day: "2026-03-05T00:00:00.000Z",
  runs_per_org_per_month: "2026-04-01T00:00:00.000Z",
  cost_micros_per_day: "2026-03-05T00:00:00.000Z",
};
const EXAMPLE_QUOTA_REPORT: QuotaReport = {
  tier: "team",
  quotas: QUOTA_NAMES.map((quota) => {
    const limit = EXAMPLE_TEAM_LIMITS[quota]!;
    const used = EXAMPLE_USED[quota] ?? 0;
    const scope = PER_RUN_QUOTAS.has(quota) ? "run" : quota === "runs_per_project_per_day" ? "project" : "org";
    return { quota, scope, limit, used, percent: Math.round((used / limit) * 10_000) / 100, resetAt: RESETS[quota] ?? null };
  }),
};

export const getOrganizationQuotas = defineOperation({
  id: "getOrganizationQuotas",
  method: "GET",
  path: "/api/v1/admin/organizations/{id}/quotas",
  tag: "Platform administration",
  summary: "Get an organization's quotas",
  description: "The limits in force, the organization's overrides and where each value comes from (override → tier → default).",
  auth: "platform_admin",
  params: OrganizationParams,
  exampleParams: { id: EXAMPLE_IDS.org },
  success: { status: 200, description: "The organization's quotas.", schema: OrganizationQuotas },
  exampleResponse: EXAMPLE_ORGANIZATION_QUOTAS,
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
  exampleParams: { id: EXAMPLE_IDS.org },
  body: UpdateOrganizationQuotasInput,
  exampleBody: { runs_per_org_per_day: 500, concurrent_runs: null },
  success: { status: 200, description: "The organization's quotas.", schema: OrganizationQuotas },
  exampleResponse: EXAMPLE_ORGANIZATION_QUOTAS,
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
  exampleResponse: EXAMPLE_QUOTA_REPORT,
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
  exampleQuery: { from: "2026-03-03", to: "2026-03-04", groupBy: "day" },
  success: { status: 200, description: "The usage rows and their totals.", schema: UsageHistory },
  exampleResponse: {
    from: "2026-03-03",
    to: "2026-03-04",
    groupBy: "day",
    rows: [
      { day: "2026-03-03", runs: 1, turns: 96, agentCalls: 96, events: 310, storedBytes: 412_331, judgeTokens: 0, costMicros: 192_000 },
      { day: "2026-03-04", runs: 1, turns: 12, agentCalls: 12, events: 41, storedBytes: 58_904, judgeTokens: 3_200, costMicros: 27_200 },
    ],
    totals: { runs: 2, turns: 108, agentCalls: 108, events: 351, storedBytes: 471_235, judgeTokens: 3_200, costMicros: 219_200 },
  },
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
  exampleParams: { id: EXAMPLE_IDS.project },
  body: CreateRunInput,
  exampleBody: { categories: ["secret_leakage", "data_exfiltration"], intensity: "medium" },
  success: { status: 200, description: "The estimate.", schema: RunEstimate },
  exampleResponse: {
    turns: 12,
    agentCalls: 12,
    judgeTokens: 0,
    costMicros: 24_000,
    costUsd: 0.024,
    durationSeconds: 36,
    fits: true,
    quotas: [
      { quota: "runs_per_project_per_day", limit: 200, used: 1, wouldUse: 2, fits: true, blocking: true },
      { quota: "runs_per_org_per_day", limit: 500, used: 1, wouldUse: 2, fits: true, blocking: true },
      { quota: "runs_per_org_per_month", limit: 10_000, used: 2, wouldUse: 3, fits: true, blocking: true },
      { quota: "concurrent_runs", limit: 10, used: 0, wouldUse: 1, fits: true, blocking: true },
      { quota: "turns_per_run", limit: 5_000, used: 0, wouldUse: 12, fits: true, blocking: false },
      { quota: "agent_calls_per_run", limit: 10_000, used: 0, wouldUse: 12, fits: true, blocking: false },
      { quota: "cost_micros_per_run", limit: 50_000_000, used: 0, wouldUse: 24_000, fits: true, blocking: true },
      { quota: "cost_micros_per_day", limit: 500_000_000, used: 27_200, wouldUse: 51_200, fits: true, blocking: true },
    ],
  },
});
