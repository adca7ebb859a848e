import { z } from "zod";
import { defineOperation } from "../operation";
import { OrganizationParams } from "./organizations";
import { EXAMPLE_IDS, EXAMPLE_RUN } from "./examples";
import { Run, StopReason } from "./runs";

const RunParams = z.object({ id: z.string().regex(/^run_[0-9a-z]{26}$/).describe("Run id (`run_…`).") });
const ProjectParams = z.object({ id: z.string().regex(/^prj_[0-9a-z]{26}$/).describe("Project id (`prj_…`).") });

/** One stop of a run, automatic or by a person: the run-abort log. */
export const RunAbort = z
  .object({
    id: z.string(),
    reason: StopReason,
    /** `user` or `api_key` for a cancel or an administrator's kill; `system` (a worker id) for a cap, a lost worker or an error. */
    actor: z.object({ type: z.enum(["user", "api_key", "sidecar", "system", "anonymous"]), id: z.string().nullable() }),
    /** `{ limit, used }` for a cap; `{ scope }` for a kill; the error or attempts for a failure. */
    detail: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "RunAbort" });
export type RunAbort = z.infer<typeof RunAbort>;

export const RunAbortList = z.object({ data: z.array(RunAbort) }).meta({ id: "RunAbortList" });
export type RunAbortList = z.infer<typeof RunAbortList>;

export const KilledRuns = z
  .object({
    /** The runs this kill stopped: queued ones are `stopped` already, running ones stop within a second. */
    data: z.array(Run),
  })
  .meta({ id: "KilledRuns" });
export type KilledRuns = z.infer<typeof KilledRuns>;

export const listRunAborts = defineOperation({
  id: "listRunAborts",
  method: "GET",
  path: "/api/v1/runs/{id}/aborts",
  tag: "Runs",
  summary: "Why and by whom a run was stopped",
  description:
    "The run-abort log, oldest first: a cancel, an administrator's kill, a cap the run reached (`max_turns`, `max_runtime`, `max_llm_calls`, `max_tokens`, `max_cost`, with `{ limit, used }`), a lost worker or an error. Empty for a run that was never stopped.",
  auth: "principal",
  scope: "runs:read",
  params: RunParams,
  // The base run of the story, which ran into the runtime cap its budget set.
  exampleParams: { id: EXAMPLE_IDS.baseRun },
  success: { status: 200, description: "The run's aborts.", schema: RunAbortList },
  exampleResponse: {
    data: [
      {
        id: EXAMPLE_IDS.abort,
        reason: "max_runtime",
        actor: { type: "system", id: "bulwark-worker-5d8f7-1-a3f29c" },
        detail: { limit: 900, used: 900 },
        createdAt: "2026-03-03T14:15:01.000Z",
      },
    ],
  },
});

// A run the kill caught mid-way: still `running` until its worker stops it, within a second.
const EXAMPLE_KILLED = {
  data: [
    {
      ...EXAMPLE_RUN,
      status: "running" as const,
      stopReason: "admin_kill" as const,
      progress: { total: 12, done: 5, passed: 4, failed: 1, inconclusive: 0 },
      finishedAt: null,
    },
  ],
};

const killDescription = (what: string) =>
  `Stops ${what} with reason \`admin_kill\`: queued runs become \`stopped\` at once, running ones within a second on whichever worker holds them, keeping their results so far. Each run gets a run abort naming the administrator, recorded in its organization's audit log. Runs already finished or already stopping are left as they are.`;

export const killRun = defineOperation({
  id: "killRun",
  method: "POST",
  path: "/api/v1/admin/runs/{id}/kill",
  tag: "Platform administration",
  summary: "Kill a run",
  description: killDescription("the run"),
  auth: "platform_admin",
  params: RunParams,
  exampleParams: { id: EXAMPLE_IDS.run },
  success: { status: 202, description: "The runs stopped (none when the run had already ended).", schema: KilledRuns },
  exampleResponse: EXAMPLE_KILLED,
});

export const killProjectRuns = defineOperation({
  id: "killProjectRuns",
  method: "POST",
  path: "/api/v1/admin/projects/{id}/kill",
  tag: "Platform administration",
  summary: "Kill every run of a project",
  description: killDescription("every queued or running run of the project"),
  auth: "platform_admin",
  params: ProjectParams,
  exampleParams: { id: EXAMPLE_IDS.project },
  success: { status: 202, description: "The runs stopped.", schema: KilledRuns },
  exampleResponse: EXAMPLE_KILLED,
});

export const killOrganizationRuns = defineOperation({
  id: "killOrganizationRuns",
  method: "POST",
  path: "/api/v1/admin/organizations/{id}/kill",
  tag: "Platform administration",
  summary: "Kill every run of an organization",
  description: killDescription("every queued or running run of the organization, in all its projects"),
  auth: "platform_admin",
  params: OrganizationParams,
  exampleParams: { id: EXAMPLE_IDS.org },
  success: { status: 202, description: "The runs stopped.", schema: KilledRuns },
  exampleResponse: EXAMPLE_KILLED,
});
