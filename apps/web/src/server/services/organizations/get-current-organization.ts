import "server-only";
import { notFound, type Organization } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { toOrganizationDto } from "./to-organization-dto";

/** The organization the caller acts in: an API key's own, or the session's active one. */
export async function getCurrentOrganization(ctx: ServiceContext): Promise<Organization> {
  const org = await prisma.organization.findUnique({ where: { id: ctx.orgId } });
  if (!org) throw notFound("organization");
  return toOrganizationDto(org, ctx.role);
}
