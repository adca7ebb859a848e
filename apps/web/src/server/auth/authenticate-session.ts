import "server-only";
import { forbidden, type Role, scopesForRole } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import { getToken } from "next-auth/jwt";
import { env } from "@/env";
import type { Principal, SessionUser } from "./principal";
import { sessionCookieName, type SessionClaims } from "./session-cookie";

/** Whether next-auth set the `__Secure-` cookie: it does whenever the app is served over https. */
function isSecure(req: Request): boolean {
  if (env.AUTH_URL) return new URL(env.AUTH_URL).protocol === "https:";
  if (new URL(req.url).protocol === "https:") return true;
  return env.TRUST_PROXY > 0 && req.headers.get("x-forwarded-proto") === "https";
}

/**
 * The signed-in user behind a dashboard session cookie, or null without a valid session. The
 * user and memberships are read on every request, so a role change or a removal applies at
 * once, not when the JWT expires.
 */
export async function resolveSessionUser(req: Request): Promise<SessionUser | null> {
  const cookieName = sessionCookieName(isSecure(req));
  // Only the cookie is passed on: getToken would otherwise also accept a JWT in Authorization.
  const cookie = req.headers.get("cookie");
  if (!cookie?.includes(cookieName)) return null;
  const claims = (await getToken({ req: { headers: { cookie } }, secret: env.AUTH_SECRET, cookieName, salt: cookieName })) as SessionClaims | null;
  if (!claims?.sub) return null;

  const user = await prisma.user.findUnique({
    where: { id: claims.sub },
    select: { id: true, isPlatformAdmin: true, memberships: { select: { orgId: true, role: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!user) return null;
  // The active org from the session if the user still belongs to it, else their oldest one.
  const membership = user.memberships.find((m) => m.orgId === claims.orgId) ?? user.memberships[0];
  return {
    userId: user.id,
    isPlatformAdmin: user.isPlatformAdmin,
    activeOrg: membership ? { orgId: membership.orgId, role: membership.role.toLowerCase() as Role } : null,
  };
}

/** A session user acting in their active organization. */
export function sessionPrincipal(user: SessionUser): Principal {
  if (!user.activeOrg) throw forbidden("Create or join an organization first.");
  const { orgId, role } = user.activeOrg;
  return {
    actor: { type: "user", userId: user.userId },
    orgId,
    role,
    scopes: scopesForRole(role),
    isPlatformAdmin: user.isPlatformAdmin,
    via: "session",
  };
}
