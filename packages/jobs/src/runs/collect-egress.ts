import type { PrismaClient } from "@bulwark/db";
import type { EgressEvidence } from "@bulwark/redteam";

/**
 * The `egress.http` events that belong to a turn: those the sidecar tagged with the turn id
 * (the agent forwarded X-Bulwark-Turn-Id), and untagged ones of the run inside the turn's time
 * window — the correlation fallback for agents that do not forward the headers.
 */
export async function collectEgress(
  prisma: PrismaClient,
  turn: { id: string; runId: string; projectId: string; startedAt: Date; finishedAt: Date },
): Promise<EgressEvidence[]> {
  const rows = await prisma.event.findMany({
    where: {
      projectId: turn.projectId,
      type: "egress.http",
      OR: [
        { turnId: turn.id },
        { runId: turn.runId, turnId: null, ts: { gte: turn.startedAt, lte: turn.finishedAt } },
      ],
    },
    orderBy: [{ ts: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((row) => {
    const data = row.payload as Omit<EgressEvidence, "id" | "ts">;
    return { ...data, id: String(row.id), ts: row.ts };
  });
}
