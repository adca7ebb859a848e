import type { Run as RunDto, RunCategory, RunStatus } from "@bulwark/contracts";
import type { Run } from "@bulwark/db";

type Selection = { scenarioKeys?: string[]; categories?: RunCategory[] };

export function toRunDto(run: Run): RunDto {
  return {
    id: run.id,
    projectId: run.projectId,
    status: run.status.toLowerCase() as RunStatus,
    stopReason: (run.stopReason?.toLowerCase() ?? null) as RunDto["stopReason"],
    intensity: run.intensity.toLowerCase() as RunDto["intensity"],
    selection: run.selection as Selection,
    progress: {
      total: run.turnsTotal,
      done: run.turnsDone,
      passed: run.turnsPassed,
      failed: run.turnsFailed,
      inconclusive: run.turnsInconclusive,
    },
    riskScore: run.riskScore === null ? null : Number(run.riskScore),
    evidenceHeadHash: run.evidenceHeadHash,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
