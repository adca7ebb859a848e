import "server-only";
import { AppError, forbidden, notFound, unauthorized } from "@bulwark/contracts";
import { pool, prisma } from "@bulwark/db";
import { log } from "@/server/log";
import { authenticateApiKey } from "./authenticate-api-key";
import { secretTokenMatches, secretTokenPrefix } from "./secret-token";

/** A caller allowed to send events for exactly one project. */
export interface SidecarPrincipal {
  orgId: string;
  projectId: string;
  /** What the rate limit and logs key on: the sidecar token, or the API key standing in for one. */
  principalId: string;
  via: { type: "sidecar_token"; tokenId: string } | { type: "api_key"; apiKeyId: string; userId: string };
}

// The token's lastSeenAt is informative between heartbeats; do not turn every batch into a write.
const LAST_SEEN_RESOLUTION_MS = 60_000;

// One message for unknown, malformed and revoked tokens: the answer must not tell which exist.
const invalidToken = () => unauthorized("The sidecar token is invalid or revoked.");

/**
 * Resolves `Authorization: Bearer bws_…` (a sidecar token, bound to its project) or
 * `Bearer bwk_…` (an API key with `ingest:write`, which must name `projectId` of its org).
 * Checked against the database on every request, so a revocation takes effect on the next one.
 */
export async function authenticateSidecar(req: Request, { projectId, now = new Date() }: { projectId?: string; now?: Date } = {}): Promise<SidecarPrincipal> {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
  if (!match) throw unauthorized("Send the sidecar token as `Authorization: Bearer <token>`.");
  const presented = match[1]!;

  if (presented.startsWith("bwk_")) {
    const key = await authenticateApiKey(presented, now);
    if (key.actor.type !== "api_key") throw invalidToken();
    const actor = key.actor;
    if (!key.scopes.includes("ingest:write")) throw forbidden("This operation needs the ingest:write scope.");
    if (!projectId) throw new AppError("bad_request", "An API key must name the project (`projectId`) it sends events for.");
    const project = await prisma.project.findFirst({ where: { id: projectId, orgId: key.orgId }, select: { id: true } });
    if (!project) throw notFound("project");
    return { orgId: key.orgId, projectId, principalId: actor.apiKeyId, via: { type: "api_key", apiKeyId: actor.apiKeyId, userId: actor.userId } };
  }

  const prefix = secretTokenPrefix(presented, "bws");
  if (!prefix) throw invalidToken();
  // A prepared statement on the pool, not the ORM: this runs for every ingest batch.
  const { rows } = await pool.query<{ id: string; org_id: string; project_id: string; hash: string; revoked_at: Date | null; last_seen_at: Date | null }>({
    name: "sidecar-token-by-prefix",
    text: "SELECT id, org_id, project_id, hash, revoked_at, last_seen_at FROM sidecar_tokens WHERE prefix = $1",
    values: [prefix],
  });
  const row = rows[0];
  if (!row || !secretTokenMatches(presented, row.hash) || row.revoked_at) throw invalidToken();
  const token = { id: row.id, orgId: row.org_id, projectId: row.project_id, lastSeenAt: row.last_seen_at };
  // A token speaks for its own project only; naming another one is a mistake, not a switch.
  if (projectId && projectId !== token.projectId) throw forbidden("This sidecar token belongs to another project.");

  if (!token.lastSeenAt || now.getTime() - token.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    void prisma.sidecarToken
      .update({ where: { id: token.id }, data: { lastSeenAt: now } })
      .catch((err: unknown) => log.warn({ err, sidecarTokenId: token.id }, "could not record sidecar token use"));
  }
  return { orgId: token.orgId, projectId: token.projectId, principalId: token.id, via: { type: "sidecar_token", tokenId: token.id } };
}
