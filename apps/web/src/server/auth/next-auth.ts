import "server-only";
import { prisma } from "@bulwark/db";
import NextAuth from "next-auth";
import { headers } from "next/headers";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/env";
import { requestFacts } from "@/server/http/request-facts";
import { getRequestId } from "@/server/http/request-id";
import { log } from "@/server/log";
import { clientIp } from "@/server/rate-limit";
import { authorizeCredentials } from "@/server/services/accounts/authorize-credentials";
import { signInWithOAuth } from "@/server/services/accounts/sign-in-with-oauth";
import { recordAuthEvent } from "@/server/services/accounts/record-auth-event";
import { accountOptionsFromEnv } from "./account-options";
import { oauthEmailVerified, oauthProviders } from "./oauth-providers";
import { dummyPasswordHash } from "./password-hash";

declare module "next-auth/jwt" {
  interface JWT {
    /** The active organization (session-cookie.ts reads it on every request). */
    orgId?: string;
    /** Seconds since the epoch when the user signed in; bounds the session's total life. */
    authTime?: number;
  }
}

declare module "next-auth" {
  interface Session {
    orgId?: string | null;
  }
}

// Idle limit: the cookie's JWT expires this long after it was last refreshed.
const SESSION_IDLE_SECONDS = 12 * 60 * 60;
// Absolute limit: past this, the session is no longer refreshed and ends within the idle limit.
const SESSION_ABSOLUTE_SECONDS = 24 * 60 * 60;

// The first unknown-email sign-in should not also pay for creating the dummy hash.
void dummyPasswordHash();

function signInRequest(requestHeaders: Headers) {
  return {
    requestId: getRequestId(requestHeaders),
    ...requestFacts(requestHeaders),
    rateLimitIp: clientIp(requestHeaders, env.TRUST_PROXY),
  };
}

/** Facts of the request being handled, for callbacks Auth.js gives no request to. */
async function currentRequest() {
  try {
    return signInRequest(await headers());
  } catch {
    // Outside a request scope (tests calling the handlers directly).
    return signInRequest(new Headers());
  }
}

/** The user's oldest membership: where a fresh session starts working. */
async function defaultOrgId(userId: string): Promise<string | undefined> {
  const membership = await prisma.membership.findFirst({ where: { userId }, orderBy: { createdAt: "asc" }, select: { orgId: true } });
  return membership?.orgId;
}

/**
 * Auth.js with JWT sessions. The cookie name is Auth.js's default (`authjs.session-token`, with
 * `__Secure-` over https) and the JWT salt defaults to it — exactly what sessionCookieName() and
 * authenticate-session.ts expect. No database adapter: accounts are created and linked by the
 * account services, under Bulwark's own sign-up rules, and OAuth provider tokens are never kept.
 */
export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth({
  secret: env.AUTH_SECRET,
  // AUTH_URL, when set, is the URL Auth.js uses. Without it (a laptop's `npm start`) Auth.js must
  // take its URL from the request or refuse to run. That is safe here: the URL only shapes the
  // answer to the request that carried the Host header (redirects back to the same client,
  // same-origin callback checks), and OAuth redirect URIs are checked by the provider against
  // the registered ones. A caching proxy in front would change that — set AUTH_URL there.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, signInRequest(request.headers), accountOptionsFromEnv()),
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    async signIn({ account, profile, user }) {
      if (!account || account.type === "credentials") return true;
      if (account.type !== "oauth" && account.type !== "oidc") return false;
      const userId = await signInWithOAuth(
        {
          provider: account.provider,
          type: account.type,
          providerAccountId: account.providerAccountId,
          email: (profile?.email as string | null | undefined) ?? user.email,
          emailVerified: oauthEmailVerified(account.provider, profile as Record<string, unknown> | undefined),
          name: user.name ?? null,
          image: user.image ?? null,
        },
        await currentRequest(),
        accountOptionsFromEnv(),
      );
      return userId !== null;
    },

    async jwt({ token, user, account, trigger, session }) {
      if (trigger === "signIn" || trigger === "signUp") {
        let userId = user?.id;
        if (account && (account.type === "oauth" || account.type === "oidc")) {
          // `user.id` is the provider's id here; the link row names the Bulwark user.
          const link = await prisma.account.findUnique({
            where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
            select: { user: { select: { id: true, email: true, name: true } } },
          });
          if (!link) return null;
          userId = link.user.id;
          token.email = link.user.email;
          token.name = link.user.name;
        }
        if (!userId) return null;
        token.sub = userId;
        token.orgId = await defaultOrgId(userId);
        token.authTime = Math.floor(Date.now() / 1000);
        delete token.picture;
        return token;
      }

      if (token.authTime && Date.now() / 1000 - token.authTime > SESSION_ABSOLUTE_SECONDS) return null;

      // The organization switcher: only to an organization the user belongs to now.
      const requested = (session as { orgId?: unknown } | undefined)?.orgId;
      if (trigger === "update" && token.sub && typeof requested === "string") {
        const membership = await prisma.membership.findUnique({ where: { orgId_userId: { orgId: requested, userId: token.sub } }, select: { orgId: true } });
        if (membership) token.orgId = membership.orgId;
      }
      return token;
    },

    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.orgId = token.orgId ?? null;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const userId = "token" in message ? message.token?.sub : undefined;
      if (!userId) return;
      const request = await currentRequest();
      await prisma.$transaction((tx) =>
        recordAuthEvent(tx, { action: "auth.signout", userId, target: { type: "user", id: userId }, request }),
      );
    },
  },
  logger: {
    error(error) {
      // A failed sign-in is routine and already audited; anything else is worth an error line.
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      log.error({ err: error }, "auth error");
    },
    warn(code) {
      log.warn({ code }, "auth warning");
    },
    debug() {},
  },
});
