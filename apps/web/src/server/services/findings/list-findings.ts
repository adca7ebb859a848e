import "server-only";
import type { Finding, ListFindingsQuery } from "@bulwark/contracts";
import { type FindingStatus, prisma, type Severity } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { toPage } from "@/server/db/paginate";
import { FINDING_INCLUDE, toFindingDto } from "./to-finding-dto";

/**
 * The org's findings across its projects, newest first. A project or run id of another org is
 * just a filter that matches nothing: the org condition is always there.
 */
export async function listFindings(ctx: ServiceContext, query: ListFindingsQuery): Promise<{ data: Finding[]; nextCursor: string | null }> {
  const rows = await prisma.finding.findMany({
    where: {
      orgId: ctx.orgId,
      ...(query.projectId ? { projectId: query.projectId } : {}),
      ...(query.runId ? { runId: query.runId } : {}),
      ...(query.status ? { status: query.status.toUpperCase() as FindingStatus } : {}),
      ...(query.severity ? { severity: query.severity.toUpperCase() as Severity } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.cursor ? { id: { lt: query.cursor } } : {}),
    },
    include: FINDING_INCLUDE,
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, toFindingDto);
}
