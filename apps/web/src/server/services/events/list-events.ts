import "server-only";
import type { CapturedEvent, ListEventsQuery } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";
import { decodeEventCursor, encodeEventCursor } from "./event-cursor";
import { toCapturedEventDto } from "./to-captured-event-dto";

/** A project's events, oldest first by (ts, id). Payloads were redacted before storage. */
export async function listEvents(
  ctx: ServiceContext,
  projectId: string,
  { runId, type, cursor, limit }: ListEventsQuery,
): Promise<{ data: CapturedEvent[]; nextCursor: string | null }> {
  await getProjectOrThrow(ctx, projectId);
  const after = cursor ? decodeEventCursor(cursor) : null;
  const rows = await prisma.event.findMany({
    where: {
      orgId: ctx.orgId,
      projectId,
      ...(runId ? { runId } : {}),
      ...(type ? { type } : {}),
      ...(after ? { OR: [{ ts: { gt: after.ts } }, { ts: after.ts, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ ts: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(toCapturedEventDto),
    nextCursor: rows.length > limit && last ? encodeEventCursor(last.ts, last.id) : null,
  };
}
