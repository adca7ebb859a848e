import "server-only";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { getRunOrThrow } from "@/server/services/runs/get-run-or-throw";

/**
 * How many events a run has captured up to its current sequence number. Ingest numbers and
 * bumps `event_seq` in the statement that stores the rows, so counting `seq <= throughSeq`
 * gives a snapshot that later arrivals (all numbered above it) can be added to exactly: the
 * live view shows `count` plus the events it receives past `throughSeq`. The count walks the
 * (run_id, seq) index; a run holds at most its events_per_run cap.
 */
export async function countRunEvents(ctx: ServiceContext, runId: string): Promise<{ throughSeq: number; count: number }> {
  const run = await getRunOrThrow(ctx, runId);
  const count = await prisma.event.count({ where: { orgId: ctx.orgId, runId: run.id, seq: { lte: run.eventSeq } } });
  return { throughSeq: Number(run.eventSeq), count };
}
