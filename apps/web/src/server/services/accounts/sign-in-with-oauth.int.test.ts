import { createHash, randomBytes } from "node:crypto";
import { newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/server/auth/password-hash";
import type { AccountOptions } from "./account-options";
import { type OAuthIdentity, signInWithOAuth } from "./sign-in-with-oauth";

// New OAuth accounts here are admitted by a pending invitation, which works in every sign-up
// mode; the mode itself is exercised in the sign-up tests, which own that global setting.

const options: AccountOptions = { verificationRequired: true, fingerprintKey: "test-fingerprint-key" };
const request = { requestId: "req_oauth_test", ip: "192.0.2.10", userAgent: "vitest" };
let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("OAuth tests");
});

const freshEmail = (label: string) => `${label}.${newId("user")}@example.test`;

function identity(email: string | null, overrides: Partial<OAuthIdentity> = {}): OAuthIdentity {
  return { provider: "github", type: "oauth", providerAccountId: randomBytes(6).toString("hex"), email, emailVerified: true, name: "Grace", ...overrides };
}

async function invite(email: string) {
  await prisma.invitation.create({
    data: {
      id: newId("invitation"),
      orgId: org.orgId,
      email,
      role: "VIEWER",
      tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      expiresAt: new Date(Date.now() + 86_400_000),
      invitedById: org.users.owner.id,
    },
  });
}

async function createPasswordUser(email: string, verified: boolean) {
  const id = newId("user");
  await prisma.user.create({ data: { id, email, passwordHash: await hashPassword("a long enough password"), emailVerifiedAt: verified ? new Date() : null } });
  return id;
}

describe("signInWithOAuth", () => {
  it("creates a verified account linked to the identity, and signs the same identity in again", async () => {
    const email = freshEmail("oauth-new");
    await invite(email);
    const github = identity(email.toUpperCase());
    const userId = await signInWithOAuth(github, request, options);
    expect(userId).toMatch(/^usr_/);

    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId! }, include: { accounts: true } });
    expect(user).toMatchObject({ email, name: "Grace", passwordHash: null, isPlatformAdmin: false });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(user.accounts).toEqual([expect.objectContaining({ provider: "github", providerAccountId: github.providerAccountId, type: "oauth" })]);

    // Linked: the provider's current email no longer matters.
    expect(await signInWithOAuth({ ...github, email: "changed@example.test", emailVerified: false }, request, options)).toBe(userId);
    expect(await prisma.auditLogEntry.count({ where: { orgId: null, action: "auth.signin", targetId: userId! } })).toBe(2);
  });

  it("refuses an address the provider does not vouch for", async () => {
    const email = freshEmail("oauth-unverified");
    await invite(email);
    expect(await signInWithOAuth(identity(email, { emailVerified: false }), request, options)).toBeNull();
    expect(await signInWithOAuth(identity(null), request, options)).toBeNull();
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("links to an existing account whose address is verified", async () => {
    const email = freshEmail("oauth-link");
    const existing = await createPasswordUser(email, true);
    const google = identity(email, { provider: "google", type: "oidc" });
    expect(await signInWithOAuth(google, request, options)).toBe(existing);
    expect(await prisma.account.count({ where: { userId: existing, provider: "google" } })).toBe(1);
    expect(await prisma.auditLogEntry.count({ where: { orgId: null, action: "auth.oauth_link", targetId: existing } })).toBe(1);
  });

  it("refuses to link to a password account with an unverified address (pre-account hijacking)", async () => {
    const email = freshEmail("oauth-squatted");
    const squatter = await createPasswordUser(email, false);
    expect(await signInWithOAuth(identity(email), request, options)).toBeNull();
    expect(await prisma.account.count({ where: { userId: squatter } })).toBe(0);
    const refusal = await prisma.auditLogEntry.findFirstOrThrow({ where: { orgId: null, action: "auth.signin_failed", requestId: request.requestId, paramsPreview: { contains: "link_needs_verified_account" } } });
    expect(refusal.paramsPreview).not.toContain(email);
  });

  it("makes a BULWARK_ADMIN_EMAIL account a platform administrator when the provider proves the address", async () => {
    const email = freshEmail("oauth-admin");
    await createPasswordUser(email, true);
    const userId = await signInWithOAuth(identity(email), request, { ...options, adminEmail: email });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId! } })).isPlatformAdmin).toBe(true);
  });
});
