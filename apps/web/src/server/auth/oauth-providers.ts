import "server-only";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env } from "@/env";

const GITHUB_API = "https://api.github.com";

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * The OAuth providers whose environment variables are set (none by default). GitHub's profile
 * email may be unverified, so the primary address is read from /user/emails together with its
 * `verified` flag; the OIDC providers report `email_verified` themselves.
 */
export function oauthProviders(): Provider[] {
  const providers: Provider[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(
      GitHub({
        clientId: env.AUTH_GITHUB_ID,
        clientSecret: env.AUTH_GITHUB_SECRET,
        userinfo: {
          url: `${GITHUB_API}/user`,
          async request({ tokens }: { tokens: { access_token?: string } }) {
            const headers = { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/vnd.github+json", "User-Agent": "bulwark" };
            const profile = (await (await fetch(`${GITHUB_API}/user`, { headers })).json()) as Record<string, unknown>;
            const emails = await fetch(`${GITHUB_API}/user/emails`, { headers });
            const primary = emails.ok ? ((await emails.json()) as GitHubEmail[]).find((e) => e.primary && e.verified) : undefined;
            return { ...profile, email: primary?.email ?? null, email_verified: Boolean(primary) };
          },
        },
      }),
    );
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    providers.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      checks: ["pkce", "state", "nonce"],
    });
  }
  return providers;
}

/** Whether the provider vouches for the profile's email address. */
export function oauthEmailVerified(provider: string, profile: Record<string, unknown> | undefined): boolean {
  const claim = profile?.email_verified;
  if (claim === true || claim === "true") return true;
  return provider === "oidc" && env.AUTH_OIDC_TRUST_EMAIL === "1";
}
