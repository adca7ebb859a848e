import "server-only";
import type { SidecarConfig } from "@bulwark/contracts";
import { notFound } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { SidecarPrincipal } from "@/server/auth/authenticate-sidecar";

/**
 * Records that the sidecar is alive (token and project) and returns the configuration it runs
 * with. Raw SQL so a heartbeat every 15 s does not move the project's `updatedAt`.
 */
export async function recordHeartbeat(principal: SidecarPrincipal, now = new Date()): Promise<SidecarConfig> {
  const [rows] = await prisma.$transaction([
    prisma.$queryRaw<{ id: string; config_version: number; tool_domains: string[]; internal_host_suffixes: string[]; sinkhole: boolean }[]>`
      UPDATE projects SET last_heartbeat_at = ${now}
      WHERE id = ${principal.projectId} AND org_id = ${principal.orgId}
      RETURNING id, config_version, tool_domains, internal_host_suffixes, sinkhole`,
    ...(principal.via.type === "sidecar_token"
      ? [prisma.$executeRaw`UPDATE sidecar_tokens SET last_seen_at = ${now} WHERE id = ${principal.via.tokenId}`]
      : []),
  ]);
  const project = (rows as { id: string; config_version: number; tool_domains: string[]; internal_host_suffixes: string[]; sinkhole: boolean }[])[0];
  if (!project) throw notFound("project");
  return {
    projectId: project.id,
    configVersion: project.config_version,
    toolDomains: project.tool_domains,
    internalHostSuffixes: project.internal_host_suffixes,
    sinkhole: project.sinkhole,
  };
}
