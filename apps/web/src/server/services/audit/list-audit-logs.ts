import "server-only";
import type { AuditLogEntry, AuditLogQuery } from "@bulwark/contracts";
import { type Prisma, prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";

type Row = Prisma.AuditLogEntryGetPayload<object>;

function toDto(row: Row): AuditLogEntry {
  return {
    id: row.id,
    seq: row.seq.toString(),
    actor: {
      type: row.actorType.toLowerCase() as AuditLogEntry["actor"]["type"],
      userId: row.actorUserId,
      apiKeyId: row.actorApiKeyId,
    },
    action: row.action,
    target: row.targetType ? { type: row.targetType, id: row.targetId } : null,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    paramsHash: row.paramsHash,
    paramsPreview: row.paramsPreview,
    prevHash: row.prevHash,
    hash: row.hash,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The org's entries, newest first; the cursor is a sequence number, the chain's own order. */
export async function listAuditLogs(ctx: ServiceContext, query: AuditLogQuery) {
  const where: Prisma.AuditLogEntryWhereInput = {
    orgId: ctx.orgId,
    ...(query.actorId ? { OR: [{ actorUserId: query.actorId }, { actorApiKeyId: query.actorId }] } : {}),
    ...(query.action ? { action: query.action.endsWith(".") ? { startsWith: query.action } : query.action } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.from || query.to
      ? { createdAt: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lt: new Date(query.to) } : {}) } }
      : {}),
    ...(query.cursor ? { seq: { lt: BigInt(query.cursor) } } : {}),
  };
  const rows = await prisma.auditLogEntry.findMany({ where, orderBy: { seq: "desc" }, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return { data: page.map(toDto), nextCursor: rows.length > query.limit ? page.at(-1)!.seq.toString() : null };
}
