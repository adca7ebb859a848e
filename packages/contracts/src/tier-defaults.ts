import type { QuotaLimits } from "./operations/quotas";

type Tier = "FREE" | "ALPHA" | "TEAM" | "ENTERPRISE";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const USD = 1_000_000;

/**
 * The documented defaults (DEPLOYMENT.md, "Tiers and quotas"), by the database's tier names: what
 * applies when neither the organization's override nor its tier's row in quota_policies sets a
 * limit. null = unlimited. Here, not in the web app, so API.md's examples show these very values.
 * Costs are micro-dollars by the cost model (packages/contracts/src/cost-model.ts).
 */
export const TIER_DEFAULTS: Record<Tier, QuotaLimits> = {
  FREE: {
    projects_per_org: 3,
    runs_per_project_per_day: 10,
    runs_per_org_per_day: 20,
    runs_per_org_per_month: 200,
    concurrent_runs: 1,
    events_per_run: 10_000,
    stored_bytes: 1 * GiB,
    turns_per_run: 300,
    runtime_seconds_per_run: 30 * 60,
    agent_calls_per_run: 600,
    judge_tokens_per_run: 200_000,
    cost_micros_per_run: 2 * USD,
    cost_micros_per_day: 10 * USD,
  },
  ALPHA: {
    projects_per_org: 10,
    runs_per_project_per_day: 50,
    runs_per_org_per_day: 100,
    runs_per_org_per_month: 1_000,
    concurrent_runs: 3,
    events_per_run: 50_000,
    stored_bytes: 10 * GiB,
    turns_per_run: 1_000,
    runtime_seconds_per_run: 60 * 60,
    agent_calls_per_run: 2_000,
    judge_tokens_per_run: 1_000_000,
    cost_micros_per_run: 10 * USD,
    cost_micros_per_day: 50 * USD,
  },
  TEAM: {
    projects_per_org: 50,
    runs_per_project_per_day: 200,
    runs_per_org_per_day: 1_000,
    runs_per_org_per_month: 10_000,
    concurrent_runs: 10,
    events_per_run: 200_000,
    stored_bytes: 100 * GiB,
    turns_per_run: 5_000,
    runtime_seconds_per_run: 4 * 3600,
    agent_calls_per_run: 10_000,
    judge_tokens_per_run: 5_000_000,
    cost_micros_per_run: 50 * USD,
    cost_micros_per_day: 500 * USD,
  },
  ENTERPRISE: {
    projects_per_org: null,
    runs_per_project_per_day: null,
    runs_per_org_per_day: null,
    runs_per_org_per_month: null,
    concurrent_runs: 50,
    events_per_run: 1_000_000,
    stored_bytes: null,
    turns_per_run: 10_000,
    runtime_seconds_per_run: 24 * 3600,
    agent_calls_per_run: 100_000,
    judge_tokens_per_run: 50_000_000,
    cost_micros_per_run: 500 * USD,
    cost_micros_per_day: null,
  },
};
