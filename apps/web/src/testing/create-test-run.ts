import { redact } from "@bulwark/detect";
import { type EvidenceKind, newId, type Prisma, prisma, type RunStatus, type StopReason } from "@bulwark/db";
import type { RunPlan } from "@bulwark/jobs";
import {
  builtInScenarios,
  computeRunScores,
  DETECTOR_CONFIDENCE,
  evidenceHash,
  type FiringDetector,
  findingRiskScore,
  type Scenario,
  type ScenarioInstanceResult,
  scenarioFingerprint,
  scenarioInstanceResult,
  type TurnVerdict,
  type Variant,
} from "@bulwark/redteam";
import type { TestOrg } from "@bulwark/db/testing";

/** One planned attack (a built-in scenario in one phrasing) and how the agent fared on it. */
export interface TestAttack {
  scenarioKey: string;
  variant?: Variant;
  /** The verdict of its judged turns; `not_run` plans it but never sends it (the run stopped first). */
  outcome: "pass" | "fail" | "inconclusive" | "not_run";
  /** What the agent replied to each turn; stored redacted, as the worker stores it. */
  reply?: string;
}

export interface TestRunOptions {
  attacks: TestAttack[];
  /** A project of the org; a new sandbox project when absent. */
  projectId?: string;
  status?: RunStatus;
  stopReason?: StopReason;
  intensity?: "LOW" | "MEDIUM" | "HIGH";
  /** Orders runs: ids sort by creation time. */
  createdAt?: Date;
}

const SCENARIOS = new Map(builtInScenarios().map((scenario) => [scenario.key, scenario]));
const FINISHED: RunStatus[] = ["COMPLETED", "FAILED", "CANCELED", "STOPPED"];

/**
 * A run written to the database the way the worker writes one (packages/jobs/src/runs): its plan,
 * a row per turn sent, hash-linked evidence (message → reply or error → verdict, then a finding
 * link per failing attack), one finding per failing scenario, the counters, and for a finished
 * run the `scores` column with its instances. No agent is called.
 */
export async function createTestRun(org: TestOrg, options: TestRunOptions) {
  const status = options.status ?? "COMPLETED";
  const projectId =
    options.projectId ??
    (await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "Support bot", environment: "STAGING" } })).id;
  const attacks = options.attacks.map((attack) => ({ ...attack, variant: attack.variant ?? "direct", scenario: scenarioOf(attack.scenarioKey) }));
  const plan: RunPlan = {
    attacks: attacks.map(({ scenario, variant }) => ({ scenarioKey: scenario.key, version: scenario.version, variant })),
    targets: { publicUrl: "http://localhost:3000", exfilUrl: "http://collect.attacker.example/upload", adminUrl: "http://admin.internal" },
  };
  const createdAt = options.createdAt ?? new Date();
  const run = await prisma.run.create({
    data: {
      id: newId("run", createdAt.getTime()),
      orgId: org.orgId,
      projectId,
      status,
      stopReason: options.stopReason ?? null,
      selection: { scenarioKeys: [...new Set(attacks.map((attack) => attack.scenarioKey))] },
      plan: plan as unknown as Prisma.InputJsonValue,
      intensity: options.intensity ?? "MEDIUM",
      turnsTotal: attacks.reduce((sum, attack) => sum + attack.scenario.turns.length, 0),
      createdAt,
      startedAt: status === "QUEUED" ? null : createdAt,
      finishedAt: FINISHED.includes(status) ? new Date(createdAt.getTime() + 60_000) : null,
    },
  });

  const chain: Prisma.EvidenceItemCreateManyInput[] = [];
  const link = (kind: EvidenceKind, turnId: string | null, payload: Prisma.InputJsonValue) => {
    const prevHash = chain.at(-1)?.hash ?? null;
    const item = { seq: chain.length + 1, kind, turnId, payload };
    chain.push({ ...item, id: newId("evidence"), orgId: org.orgId, runId: run.id, prevHash, hash: evidenceHash(prevHash, item) });
    return chain.at(-1)!;
  };
  const counters = { turnsDone: 0, turnsPassed: 0, turnsFailed: 0, turnsInconclusive: 0 };
  const findings = new Map<string, Prisma.FindingCreateManyInput>();
  const instances: ScenarioInstanceResult[] = [];

  for (const { scenario, variant, outcome, reply } of attacks) {
    const verdict = outcome === "not_run" ? null : turnVerdict(scenario, outcome);
    const evidenceIds: string[] = [];
    if (verdict) {
      for (const [turnIndex, turn] of scenario.turns.entries()) {
        const turnId = newId("turn");
        const message = redact(turn.phrasings[variant]).text;
        const stored = outcome === "inconclusive" ? null : redact(reply ?? "I can't help with that.").text;
        const links = [
          link("MESSAGE", turnId, { text: message, variant, turnIndex }),
          stored === null ? link("ERROR", turnId, { kind: "timeout", message: "The agent did not answer in 30s." }) : link("REPLY", turnId, { text: stored }),
          ...(turn.judge ? [link("VERDICT", turnId, { ...verdict } as unknown as Prisma.InputJsonValue)] : []),
        ];
        evidenceIds.push(...links.map((item) => item.id!));
        await prisma.runTurn.create({
          data: {
            id: turnId,
            orgId: org.orgId,
            runId: run.id,
            scenarioKey: scenario.key,
            scenarioVersion: scenario.version,
            category: scenario.category,
            turnIndex,
            variant,
            message,
            reply: stored,
            toolCalls: [],
            verdict: turn.judge ? (verdict.verdict.toUpperCase() as "PASS" | "FAIL" | "INCONCLUSIVE") : null,
            detector: turn.judge ? verdict.detector : "setup",
            confidence: turn.judge ? verdict.confidence : null,
            evidenceIds: links.map((item) => item.id!),
            attempts: 1,
            latencyMs: 120,
            error: stored === null ? "timeout: The agent did not answer in 30s." : null,
            startedAt: createdAt,
            finishedAt: createdAt,
          },
        });
        counters.turnsDone += 1;
        if (turn.judge) counters[verdict.verdict === "pass" ? "turnsPassed" : verdict.verdict === "fail" ? "turnsFailed" : "turnsInconclusive"] += 1;
      }
    }
    if (verdict?.verdict === "fail") recordFinding(findings, link, { orgId: org.orgId, projectId, runId: run.id }, scenario, variant, verdict, evidenceIds);
    instances.push(scenarioInstanceResult(scenario, variant, verdict, projectId));
  }

  await prisma.evidenceItem.createMany({ data: chain });
  await prisma.finding.createMany({ data: [...findings.values()] });
  const scores = FINISHED.includes(status)
    ? computeRunScores(instances, [...findings.values()].map((finding) => ({ riskScore: Number(finding.riskScore) })))
    : null;
  await prisma.run.update({
    where: { id: run.id },
    data: {
      ...counters,
      agentCalls: counters.turnsDone,
      evidenceSeq: chain.length,
      evidenceHeadHash: chain.at(-1)?.hash ?? null,
      ...(scores ? { riskScore: scores.riskScore, scores: { ...scores, instances } as unknown as Prisma.InputJsonValue } : {}),
    },
  });
  return { runId: run.id, projectId, headHash: chain.at(-1)?.hash ?? null, fingerprint: (key: string) => scenarioFingerprint(key, scenarioOf(key).version, projectId) };
}

function scenarioOf(key: string): Scenario {
  const scenario = SCENARIOS.get(key);
  if (!scenario) throw new Error(`no built-in scenario ${key}`);
  return scenario;
}

function turnVerdict(scenario: Scenario, outcome: "pass" | "fail" | "inconclusive"): TurnVerdict {
  if (outcome === "inconclusive") return { verdict: "inconclusive", detector: "agent_error", confidence: 0, reason: "The agent call failed (timeout).", evidence: [] };
  if (outcome === "pass") return { verdict: "pass", detector: "refusal", confidence: 0.9, reason: "The agent refused.", evidence: [{ kind: "reply" }] };
  const detector = scenario.detectors.find((spec) => spec.type !== "refusal")!.type as FiringDetector;
  return { verdict: "fail", detector, confidence: DETECTOR_CONFIDENCE[detector], reason: `The ${detector.replace("_", " ")} detector fired on the reply.`, evidence: [{ kind: "reply" }] };
}

/** As record-finding.ts: one finding per failing scenario, strengthened by each phrasing that fails, linked into the chain. */
function recordFinding(
  findings: Map<string, Prisma.FindingCreateManyInput>,
  link: (kind: EvidenceKind, turnId: string | null, payload: Prisma.InputJsonValue) => Prisma.EvidenceItemCreateManyInput,
  at: { orgId: string; projectId: string; runId: string },
  scenario: Scenario,
  variant: Variant,
  verdict: TurnVerdict,
  evidenceIds: string[],
) {
  const fingerprint = scenarioFingerprint(scenario.key, scenario.version, at.projectId);
  const riskScore = findingRiskScore({ severity: scenario.severity, confidence: verdict.confidence, exploitability: scenario.exploitability });
  const finding = link("FINDING", null, { fingerprint, scenarioKey: scenario.key, scenarioVersion: scenario.version, variant, severity: scenario.severity, confidence: verdict.confidence, riskScore, detector: verdict.detector, evidenceIds });
  const existing = findings.get(fingerprint);
  if (existing) {
    existing.evidenceIds = [...(existing.evidenceIds as string[]), ...evidenceIds, finding.id!];
    existing.evidenceHash = finding.hash;
    return;
  }
  findings.set(fingerprint, {
    id: newId("finding"),
    ...at,
    fingerprint,
    scenarioKey: scenario.key,
    scenarioVersion: scenario.version,
    category: scenario.category,
    severity: scenario.severity.toUpperCase() as "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFO",
    confidence: verdict.confidence,
    riskScore,
    title: scenario.title,
    summary: `${verdict.reason} (${variant.replace("_", "-")} phrasing)`,
    evidenceIds: [...evidenceIds, finding.id!],
    evidenceHash: finding.hash,
    remediation: scenario.remediation as Prisma.InputJsonValue,
    mappings: scenario.mappings as Prisma.InputJsonValue,
  });
}
