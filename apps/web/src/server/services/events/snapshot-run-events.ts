import "server-only";
import type { CapturedEvent } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { getRunOrThrow } from "@/server/services/runs/get-run-or-throw";
import { listEvents } from "./list-events";

/**
 * A run's captured events as a page renders them: how many it holds up to its current sequence
 * number, and the first page (oldest first, as the events API lists them) with the cursor of
 * the next. Ingest numbers and bumps `event_seq` in the statement that stores the rows, so
 * counting `seq <= throughSeq` gives a total that later arrivals (all numbered above it) can be
 * added to exactly. The count walks the (run_id, seq) index; a run holds at most its
 * events_per_run cap.
 */
export async function snapshotRunEvents(
  ctx: ServiceContext,
  runId: string,
  { firstPage }: { firstPage: number },
): Promise<{ throughSeq: number; count: number; first: CapturedEvent[]; nextCursor: string | null }> {
  const run = await getRunOrThrow(ctx, runId);
  const [count, page] = await Promise.all([
    prisma.event.count({ where: { orgId: ctx.orgId, runId: run.id, seq: { lte: run.eventSeq } } }),
    listEvents(ctx, run.projectId, { runId: run.id, limit: firstPage }),
  ]);
  return { throughSeq: Number(run.eventSeq), count, first: page.data, nextCursor: page.nextCursor };
}
