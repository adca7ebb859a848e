import "server-only";
import { forbidden, notFound, type Organization, type RenameOrganizationInput } from "@bulwark/contracts";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { toOrganizationDto } from "./to-organization-dto";

/**
 * Renames the caller's organization. Admins may: the name is a label, while the powers kept for
 * owners (`org:admin`) are the ones that change who controls the organization. The slug stays,
 * so anything that refers to it keeps working.
 */
export async function renameOrganization(ctx: ServiceContext, input: RenameOrganizationInput, { tx }: { tx?: Tx } = {}): Promise<Organization> {
  if (!ctx.scopes.includes("members:manage")) throw forbidden("Renaming the organization needs the members:manage scope.");
  return inTransaction(tx, async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: ctx.orgId }, select: { name: true } });
    if (!before) throw notFound("organization");
    const org = await tx.organization.update({ where: { id: ctx.orgId }, data: { name: input.name } });
    await recordAudit(tx, ctx, "org.rename", { type: "organization", id: ctx.orgId }, { from: before.name, to: input.name });
    return toOrganizationDto(org, ctx.role);
  });
}
