import "server-only";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { resolveSessionUser, sessionPrincipal } from "./authenticate-session";
import { getRequestId } from "@/server/http/request-id";
import { requestFacts } from "@/server/http/request-facts";
import type { ServiceContext, SessionUser, UserContext } from "./principal";

async function currentRequest(): Promise<Request> {
  const h = await headers();
  return new Request(`http://${h.get("host") ?? "localhost"}/`, { headers: h });
}

/** The signed-in user, or null for a visitor. */
export async function requirePageUserOrNull(): Promise<SessionUser | null> {
  return resolveSessionUser(await currentRequest());
}

/** The signed-in user for a dashboard page; signed-out visitors go to the sign-in page. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await requirePageUserOrNull();
  if (!user) redirect("/sign-in");
  return user;
}

/**
 * The user acting in their active organization, as the REST API would see them: pages call
 * services with the same context, scopes included. Users without an organization are sent to
 * create one.
 */
export async function requirePageContext(): Promise<{ user: SessionUser; ctx: ServiceContext }> {
  const user = await requirePageUser();
  if (!user.activeOrg) redirect("/onboarding");
  const principal = sessionPrincipal(user);
  const h = await headers();
  return {
    user,
    ctx: {
      orgId: principal.orgId,
      actor: principal.actor,
      role: principal.role,
      scopes: principal.scopes,
      isPlatformAdmin: principal.isPlatformAdmin,
      requestId: getRequestId(h),
      ...requestFacts(h),
    },
  };
}

/** The signed-in user as user-level services see them (organizations list, create, accept). */
export async function requirePageUserContext(): Promise<{ user: SessionUser; userCtx: UserContext }> {
  const user = await requirePageUser();
  const h = await headers();
  return {
    user,
    userCtx: {
      userId: user.userId,
      isPlatformAdmin: user.isPlatformAdmin,
      orgId: user.activeOrg?.orgId ?? null,
      requestId: getRequestId(h),
      ...requestFacts(h),
    },
  };
}
