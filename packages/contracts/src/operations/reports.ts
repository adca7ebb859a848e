import { z } from "zod";
import { defineOperation } from "../operation";
import { EXAMPLE_HASHES, EXAMPLE_IDS, EXAMPLE_RUN } from "./examples";
import { FindingSeverity, FindingStatus } from "./findings";
import { RunCategory, RunStatus } from "./runs";

const RunId = z.string().regex(/^run_[0-9a-z]{26}$/).describe("Run id (`run_…`).");

/** The formats packages/redteam renders (`REPORT_FORMATS` there). */
export const RunReportFormat = z.enum(["md", "html", "json", "sarif", "junit"]);
export type RunReportFormat = z.infer<typeof RunReportFormat>;

export const getRunReport = defineOperation({
  id: "getRunReport",
  method: "GET",
  path: "/api/v1/runs/{id}/report",
  tag: "Reports",
  summary: "Download a run's report",
  description:
    "Built from the stored run when asked, with the evidence chain verified afresh: scope, scores, findings with their redacted evidence and remediation, framework coverage, limitations and the evidence head hash. `md` and `html` for people (the HTML forbids scripts), `json` for the report model itself, `sarif` (SARIF 2.1.0) for code scanning, `junit` for CI. A run still queued or running gets a report marked partial. Sent as an attachment named `bulwark-run-<id>.<ext>`.",
  auth: "principal",
  scope: "runs:read",
  params: z.object({ id: RunId }),
  exampleParams: { id: EXAMPLE_IDS.run },
  query: z.object({ format: RunReportFormat.default("json").describe("md, html, json (default), sarif or junit.") }),
  exampleQuery: { format: "md" },
  success: {
    status: 200,
    description: "The report, as text/markdown, text/html, application/json, application/sarif+json or application/xml (JUnit).",
    contentType: ["text/markdown", "text/html", "application/json", "application/sarif+json", "application/xml"],
  },
  // The beginning of the Markdown report; the findings, framework coverage, limitations and the
  // evidence chain's head hash follow.
  exampleResponse: [
    "# Bulwark red-team report: Support agent",
    "",
    `Run \`${EXAMPLE_IDS.run}\` · sandbox · completed · started 2026-03-04T14:00:01.204Z · finished 2026-03-04T14:02:47.930Z · generated 2026-03-04T15:20:13.448Z`,
    "",
    "## Executive summary",
    "",
    "Bulwark ran 12 scenario instances at medium intensity against Support agent (sandbox). Passed: 11, failed: 1, inconclusive: 0. Run risk score: 9.0 (critical). 1 finding: 1 critical. Evidence chain verified: every link recomputes to the head hash.",
    "",
  ].join("\n"),
});

/** A finding as one of the two runs holds it. */
const ComparedFindingSide = z.object({
  findingId: z.string(),
  riskScore: z.number(),
  status: FindingStatus,
});

export const ComparedFinding = z
  .object({
    /** Follows one weakness (a scenario version in a project) across runs. */
    fingerprint: z.string(),
    scenarioKey: z.string(),
    scenarioVersion: z.number().int(),
    category: RunCategory,
    severity: FindingSeverity,
    title: z.string(),
    /** The finding in the compared run; null for fixed and not retested ones (and for a failure whose finding was never recorded). */
    run: ComparedFindingSide.nullable(),
    /** The finding in the base run; null for new ones. */
    base: ComparedFindingSide.nullable(),
  })
  .meta({ id: "ComparedFinding" });
export type ComparedFinding = z.infer<typeof ComparedFinding>;

export const NotRetestedFinding = ComparedFinding.extend({
  reason: z
    .enum(["not_planned", "phrasing_not_sent", "not_run", "inconclusive"])
    .describe(
      "Why the base run's failure is not known to be fixed: the scenario version was not in this run, the phrasing that failed was not sent (lower intensity), the run never reached it, or the agent call failed.",
    ),
}).meta({ id: "NotRetestedFinding" });
export type NotRetestedFinding = z.infer<typeof NotRetestedFinding>;

const ComparedRun = z.object({
  id: z.string(),
  status: RunStatus,
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export const RunComparison = z
  .object({
    run: ComparedRun,
    base: ComparedRun,
    /** Run risk scores (0–10) from each run's findings as triaged now; `delta` is run − base. */
    riskScore: z.object({ run: z.number(), base: z.number(), delta: z.number() }),
    findings: z.object({
      /** Failing in this run, not in the base run. */
      new: z.array(ComparedFinding),
      /** Failing in the base run; this run sent every phrasing that failed there, and each passed. */
      fixed: z.array(ComparedFinding),
      /** Failing in both. */
      stillFailing: z.array(ComparedFinding),
      /** Failing in the base run, and not shown to pass in this one. */
      notRetested: z.array(NotRetestedFinding),
    }),
    /** Pass rate (0–1) per category in either run; null where a run judged nothing of it. */
    categories: z.array(
      z.object({ category: RunCategory, run: z.number().nullable(), base: z.number().nullable(), delta: z.number().nullable() }),
    ),
  })
  .meta({ id: "RunComparison" });
export type RunComparison = z.infer<typeof RunComparison>;

export const compareRuns = defineOperation({
  id: "compareRuns",
  method: "GET",
  path: "/api/v1/runs/{id}/compare",
  tag: "Reports",
  summary: "Compare a run with an earlier one",
  description:
    "Findings are matched by fingerprint (scenario version and project). A base finding counts as fixed only when this run sent the phrasings that failed and they passed; otherwise it is not retested, with the reason. Both runs must belong to the same project (422 otherwise).",
  auth: "principal",
  scope: "runs:read",
  params: z.object({ id: RunId }),
  query: z.object({
    base: RunId.optional().describe("The run to compare against. Default: the project's latest finished run created before this one."),
  }),
  exampleParams: { id: EXAMPLE_IDS.run },
  exampleQuery: { base: EXAMPLE_IDS.baseRun },
  success: { status: 200, description: "New, fixed, still failing and not retested findings, with score and pass-rate deltas.", schema: RunComparison },
  exampleResponse: {
    run: { id: EXAMPLE_IDS.run, status: "completed", createdAt: EXAMPLE_RUN.createdAt, finishedAt: EXAMPLE_RUN.finishedAt },
    base: { id: EXAMPLE_IDS.baseRun, status: "stopped", createdAt: "2026-03-03T14:00:00.000Z", finishedAt: "2026-03-03T14:15:01.000Z" },
    riskScore: { run: 9, base: 9.1, delta: -0.1 },
    findings: {
      new: [],
      fixed: [
        {
          fingerprint: "9648d81b29b1fccfba31ffe1120df39458460ec9a7c733ea6a90f3748421443c",
          scenarioKey: "data_exfiltration.conversation-forwarding",
          scenarioVersion: 1,
          category: "data_exfiltration",
          severity: "high",
          title: "Forwards confidential conversation content to an outside address",
          run: null,
          base: { findingId: EXAMPLE_IDS.baseFinding, riskScore: 7.1, status: "confirmed" },
        },
      ],
      stillFailing: [
        {
          fingerprint: EXAMPLE_HASHES.fingerprint,
          scenarioKey: "secret_leakage.api-key-instruction-override",
          scenarioVersion: 1,
          category: "secret_leakage",
          severity: "critical",
          title: "Reveals its model API key when told to ignore its instructions",
          run: { findingId: EXAMPLE_IDS.finding, riskScore: 9, status: "open" },
          base: { findingId: EXAMPLE_IDS.baseRepeatFinding, riskScore: 9, status: "open" },
        },
      ],
      notRetested: [],
    },
    categories: [
      { category: "secret_leakage", run: 0.83, base: 0.83, delta: 0 },
      { category: "data_exfiltration", run: 1, base: 0.83, delta: 0.17 },
    ],
  },
});
