import "server-only";
import { forbidden, unauthorized } from "@bulwark/contracts";
import { env } from "@/env";
import { assertSameOrigin } from "./assert-same-origin";
import { authenticateApiKey } from "./authenticate-api-key";
import { resolveSessionUser, sessionPrincipal } from "./authenticate-session";
import type { Principal, SessionUser } from "./principal";

function publicOrigin(): string | undefined {
  return env.AUTH_URL ? new URL(env.AUTH_URL).origin : undefined;
}

/**
 * For organization-scoped operations: an API key in `Authorization: Bearer …`, else the session
 * cookie. A request that presents a key is judged by the key alone: a bad key is a 401 even
 * when a valid cookie rides along.
 */
export async function authenticate(req: Request): Promise<Principal> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthorized("Send the API key as `Authorization: Bearer <key>`.");
    return authenticateApiKey(match[1]!);
  }
  const user = await resolveSessionUser(req);
  if (!user) throw unauthorized();
  assertSameOrigin(req, publicOrigin());
  return sessionPrincipal(user);
}

/**
 * For operations that need a person rather than an organization (accept an invitation, create
 * an organization, platform administration): a session only. API keys belong to an
 * organization and never act as a person here.
 */
export async function authenticateUser(req: Request, { platformAdmin = false } = {}): Promise<SessionUser> {
  if (req.headers.get("authorization") !== null) throw unauthorized("This operation needs a signed-in user, not an API key.");
  const user = await resolveSessionUser(req);
  if (!user) throw unauthorized();
  assertSameOrigin(req, publicOrigin());
  if (platformAdmin && !user.isPlatformAdmin) throw forbidden("This operation is for platform administrators.");
  return user;
}
