import "server-only";
import type { EvidenceLink, FindingDetail } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { getFindingOrThrow } from "./get-finding-or-throw";
import { toFindingDto } from "./to-finding-dto";

/**
 * A finding with the evidence links it cites, in chain order: what an auditor needs to see why
 * it was raised. Only links of the finding's own run (and org) are read, whatever the ids say.
 */
export async function getFinding(ctx: ServiceContext, findingId: string): Promise<FindingDetail> {
  const finding = await getFindingOrThrow(ctx, findingId);
  const items = await prisma.evidenceItem.findMany({
    where: { id: { in: finding.evidenceIds }, runId: finding.runId, orgId: ctx.orgId },
    orderBy: { seq: "asc" },
  });
  const evidence: EvidenceLink[] = items.map((item) => ({
    id: item.id,
    seq: item.seq,
    kind: item.kind.toLowerCase() as EvidenceLink["kind"],
    turnId: item.turnId,
    payload: item.payload,
    prevHash: item.prevHash,
    hash: item.hash,
    createdAt: item.createdAt.toISOString(),
  }));
  return { ...toFindingDto(finding), evidence };
}
