import { costMicros } from "@bulwark/contracts";
import type { PrismaClient } from "@bulwark/db";
import { recordUsage } from "./record-usage";

/**
 * Records a finished run's turns, agent calls, judge tokens and cost (by the cost model) once:
 * the run's row lock serialises a late second call (a retried job, the failure path after a
 * finalise), which then finds the ledger already holds the run and adds nothing.
 */
export async function recordRunUsage(prisma: PrismaClient, runId: string, at = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const [run] = await tx.$queryRaw<{ org_id: string; project_id: string; turns_done: number; agent_calls: number; judge_tokens: bigint }[]>`
      SELECT org_id, project_id, turns_done, agent_calls, judge_tokens FROM runs WHERE id = ${runId} FOR UPDATE`;
    if (!run) return;
    const recorded = await tx.usageEvent.count({ where: { runId, kind: { in: ["TURN", "AGENT_CALL", "JUDGE_TOKENS", "COST_MICROS"] } } });
    if (recorded > 0) return;
    await recordUsage((text, values) => tx.$executeRawUnsafe(text, ...values), {
      orgId: run.org_id,
      projectId: run.project_id,
      runId,
      at,
      turns: run.turns_done,
      agentCalls: run.agent_calls,
      judgeTokens: run.judge_tokens,
      costMicros: costMicros({ agentCalls: run.agent_calls, judgeTokens: run.judge_tokens }),
    });
  });
}
