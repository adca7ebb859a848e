import "server-only";
import { AppError, type CreateOrganizationInput, type Organization } from "@bulwark/contracts";
import { newId } from "@bulwark/db";
import type { UserContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { memberContext } from "./member-context";
import { slugCandidates } from "./org-slug";
import { toOrganizationDto } from "./to-organization-dto";

/**
 * Creates an organization with the signed-in user as its owner. A user may belong to any number
 * of organizations; which one they work in is their session's choice. The first entry of the
 * new organization's audit chain records its creation.
 */
export async function createOrganization(user: UserContext, input: CreateOrganizationInput, { tx }: { tx?: Tx } = {}): Promise<Organization> {
  return inTransaction(tx, async (tx) => {
    const orgId = newId("org");
    const slug = await insertWithFreeSlug(tx, orgId, input.name);
    const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId } });
    await tx.membership.create({ data: { id: newId("membership"), orgId, userId: user.userId, role: "OWNER" } });
    await recordAudit(tx, memberContext(user, orgId, "owner"), "org.create", { type: "organization", id: orgId }, { name: input.name, slug });
    return toOrganizationDto(org, "OWNER");
  });
}

// ON CONFLICT DO NOTHING (skipDuplicates): a taken slug, even one taken by a concurrent
// transaction a moment ago, costs one more attempt instead of aborting the transaction.
async function insertWithFreeSlug(tx: Tx, orgId: string, name: string): Promise<string> {
  for (const slug of slugCandidates(name)) {
    const { count } = await tx.organization.createMany({ data: [{ id: orgId, name, slug }], skipDuplicates: true });
    if (count === 1) return slug;
  }
  throw new AppError("conflict", "Could not find a free slug for this name; try a different name.");
}
