import type { SidecarToken as SidecarTokenDto } from "@bulwark/contracts";
import type { SidecarToken } from "@bulwark/db";

export function toSidecarTokenDto(token: SidecarToken): SidecarTokenDto {
  return {
    id: token.id,
    projectId: token.projectId,
    name: token.name,
    prefix: token.prefix,
    lastSeenAt: token.lastSeenAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
  };
}
