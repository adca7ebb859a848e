import type { QuotaName } from "@bulwark/contracts";

/** quota name → QuotaPolicy field (the column is the quota name). */
export const QUOTA_FIELDS = {
  projects_per_org: "projectsPerOrg",
  runs_per_project_per_day: "runsPerProjectPerDay",
  runs_per_org_per_day: "runsPerOrgPerDay",
  runs_per_org_per_month: "runsPerOrgPerMonth",
  concurrent_runs: "concurrentRuns",
  events_per_run: "eventsPerRun",
  stored_bytes: "storedBytes",
  turns_per_run: "turnsPerRun",
  runtime_seconds_per_run: "runtimeSecondsPerRun",
  agent_calls_per_run: "agentCallsPerRun",
  judge_tokens_per_run: "judgeTokensPerRun",
  cost_micros_per_run: "costMicrosPerRun",
  cost_micros_per_day: "costMicrosPerDay",
} as const satisfies Record<QuotaName, string>;

/** Columns stored as BIGINT (Prisma hands them back as bigint). */
export const BIGINT_QUOTAS = new Set<QuotaName>(["stored_bytes", "judge_tokens_per_run", "cost_micros_per_run", "cost_micros_per_day"]);

