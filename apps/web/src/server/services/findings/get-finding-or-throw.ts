import "server-only";
import { notFound } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import type { Tx } from "@/server/db/transaction";
import { FINDING_INCLUDE } from "./to-finding-dto";

/** The finding if it belongs to the caller's org; another org's finding is simply not found. */
export async function getFindingOrThrow(ctx: Pick<ServiceContext, "orgId">, findingId: string, { tx }: { tx?: Tx } = {}) {
  const finding = await (tx ?? prisma).finding.findFirst({ where: { id: findingId, orgId: ctx.orgId }, include: FINDING_INCLUDE });
  if (!finding) throw notFound("finding");
  return finding;
}
