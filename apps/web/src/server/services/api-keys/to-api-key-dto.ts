import type { ApiKey as ApiKeyDto, Scope } from "@bulwark/contracts";
import type { ApiKey } from "@bulwark/db";

export function toApiKeyDto(key: ApiKey & { createdBy: { id: string; email: string } }): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes as Scope[],
    createdBy: { id: key.createdBy.id, email: key.createdBy.email },
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
