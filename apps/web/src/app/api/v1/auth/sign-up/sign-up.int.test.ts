import { createHash, randomBytes } from "node:crypto";
import { newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { log } from "@/server/log";
import { signInWithOAuth } from "@/server/services/accounts/sign-in-with-oauth";
import { verifyEmail } from "@/server/services/accounts/verify-email";
import { apiRequest, createSessionCookie } from "@/testing/credentials";
import { GET as getMode, PUT as putMode } from "../../admin/signup-mode/route";
import { POST as verify } from "../verify-email/route";
import { POST as signUp } from "./route";

// The sign-up mode is platform-wide state: every test that depends on it is in this file, which
// runs its tests one after another, and the mode is put back to the default afterwards. Other
// files sign up through invitations, which admit in any mode.

const PASSWORD = "marble canyon lantern 27";
const logInfo = vi.spyOn(log, "info");

let org: TestOrg;
let adminCookie: string;

beforeAll(async () => {
  // A platform that already has accounts: none of these sign-ups is the first.
  org = await createTestOrg("Sign-up tests");
  const adminId = newId("user");
  await prisma.user.create({ data: { id: adminId, email: `admin.${adminId}@example.test`, isPlatformAdmin: true } });
  adminCookie = await createSessionCookie(adminId);
});

beforeEach(() => logInfo.mockClear());

afterAll(() => setMode("INVITE_ONLY"));

async function setMode(mode: "OPEN" | "INVITE_ONLY" | "ALLOWLIST") {
  await prisma.platformSettings.upsert({ where: { id: "platform" }, create: { id: "platform", signupMode: mode }, update: { signupMode: mode } });
}

const freshEmail = (label = "new", domain = "example.test") => `${label}.${newId("user")}@${domain}`;
const freshIp = () => `100.${64 + Math.floor(Math.random() * 64)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

function postSignUp(body: unknown, ip = freshIp()) {
  return signUp(apiRequest("POST", "/api/v1/auth/sign-up", { body, headers: { "x-forwarded-for": ip } }));
}

function postVerify(token: string) {
  return verify(apiRequest("POST", "/api/v1/auth/verify-email", { body: { token } }));
}

/** The verification link written to the log (no SMTP in this file), for `email`. */
function loggedToken(email: string): string | undefined {
  for (const [fields] of logInfo.mock.calls) {
    const message = (fields as { email?: { to: string; text: string } }).email;
    if (message?.to !== email) continue;
    const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(message.text)?.[1];
    if (token) return token;
  }
  return undefined;
}

async function invitationFor(email: string, { expired = false } = {}) {
  const token = randomBytes(32).toString("base64url");
  const invitation = await prisma.invitation.create({
    data: {
      id: newId("invitation"),
      orgId: org.orgId,
      email,
      role: "MEMBER",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date(Date.now() + (expired ? -1 : 1) * 86_400_000),
      invitedById: org.users.owner.id,
    },
  });
  return { token, id: invitation.id };
}

describe("POST /api/v1/auth/sign-up", () => {
  it("in open mode creates an unverified, non-admin account and logs its verification link", async () => {
    await setMode("OPEN");
    const email = freshEmail();
    const res = await postSignUp({ email: `  ${email.toUpperCase()} `, password: PASSWORD, name: "Ada" });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "created" });

    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Ada", isPlatformAdmin: false, emailVerifiedAt: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    const audit = await prisma.auditLogEntry.findFirstOrThrow({ where: { orgId: null, action: "auth.signup", targetId: user.id } });
    expect(audit).toMatchObject({ actorType: "USER", actorUserId: user.id });
    expect(loggedToken(email)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("answers an existing address exactly as a new one, changing nothing and notifying its owner", async () => {
    await setMode("OPEN");
    const existing = freshEmail("existing");
    expect((await postSignUp({ email: existing, password: PASSWORD })).status).toBe(202);
    const before = await prisma.user.findUniqueOrThrow({ where: { email: existing } });
    logInfo.mockClear();

    const again = await postSignUp({ email: existing, password: "a different password 99", name: "Mallory" });
    const fresh = await postSignUp({ email: freshEmail(), password: "a different password 99", name: "Mallory" });
    expect(again.status).toBe(fresh.status);
    expect(await again.json()).toEqual(await fresh.json());
    const headerNames = (res: Response) => [...res.headers.keys()].sort();
    expect(headerNames(again)).toEqual(headerNames(fresh));

    const after = await prisma.user.findUniqueOrThrow({ where: { email: existing } });
    expect(after).toEqual(before);
    expect(await prisma.user.count({ where: { email: existing } })).toBe(1);
    // The owner hears about it (here: in the log); no new link is issued for the account.
    expect(loggedToken(existing)).toBeUndefined();
    const notice = logInfo.mock.calls.find(([fields]) => (fields as { email?: { to: string } }).email?.to === existing);
    expect((notice?.[0] as { email: { subject: string } }).email.subject).toMatch(/sign-up attempt/i);
    expect(await prisma.auditLogEntry.count({ where: { orgId: null, action: "auth.signup_existing", targetId: before.id } })).toBe(1);
  });

  it("in invite-only mode admits only the holder of a pending invitation to that address, and makes them a member", async () => {
    await setMode("INVITE_ONLY");
    const email = freshEmail("invitee");
    expect((await postSignUp({ email, password: PASSWORD })).status).toBe(403);

    const other = await invitationFor(freshEmail("someone-else"));
    expect((await postSignUp({ email, password: PASSWORD, invitationToken: other.token })).status).toBe(403);
    const expired = await invitationFor(email, { expired: true });
    expect((await postSignUp({ email, password: PASSWORD, invitationToken: expired.token })).status).toBe(403);
    expect(await prisma.user.count({ where: { email } })).toBe(0);

    const invitation = await invitationFor(email);
    const res = await postSignUp({ email, password: PASSWORD, invitationToken: invitation.token });
    expect(res.status).toBe(202);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await prisma.membership.findUnique({ where: { orgId_userId: { orgId: org.orgId, userId: user.id } } })).toMatchObject({ role: "MEMBER" });
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ acceptedById: user.id });
    // Possessing an invitation proves nothing about the mailbox: the address is still unverified.
    expect(user.emailVerifiedAt).toBeNull();
  });

  it("refuses by mode without looking at whether the address exists", async () => {
    await setMode("OPEN");
    const existing = freshEmail("known");
    expect((await postSignUp({ email: existing, password: PASSWORD })).status).toBe(202);
    await setMode("INVITE_ONLY");
    const known = await postSignUp({ email: existing, password: PASSWORD });
    const unknown = await postSignUp({ email: freshEmail("unknown"), password: PASSWORD });
    expect([known.status, unknown.status]).toEqual([403, 403]);
    const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;
    expect(await message(known)).toBe(await message(unknown));
  });

  it("in allowlist mode admits listed addresses and exact listed domains only", async () => {
    await setMode("ALLOWLIST");
    const domain = `corp-${newId("user").slice(4, 14)}.example`;
    const listed = freshEmail("listed");
    await prisma.allowlistEntry.createMany({
      data: [
        { id: newId("allowlist"), kind: "EMAIL", value: listed },
        { id: newId("allowlist"), kind: "DOMAIN", value: domain },
      ],
    });
    expect((await postSignUp({ email: listed, password: PASSWORD })).status).toBe(202);
    expect((await postSignUp({ email: freshEmail("staff", domain), password: PASSWORD })).status).toBe(202);
    expect((await postSignUp({ email: freshEmail("staff", `eu.${domain}`), password: PASSWORD })).status).toBe(403);
    expect((await postSignUp({ email: freshEmail("outsider"), password: PASSWORD })).status).toBe(403);
  });

  it("enforces the password policy with 422 naming the password field", async () => {
    await setMode("OPEN");
    const email = freshEmail("policy");
    const localPart = email.split("@")[0]!;
    expect(localPart.length).toBeGreaterThanOrEqual(12);
    const cases = ["short pw 1", "x".repeat(129), email, email.toUpperCase(), localPart, "Password1234", "aaaaaaaaaaaaaaaa", "abababababababab"];
    for (const password of cases) {
      const res = await postSignUp({ email, password });
      expect(res.status, password).toBe(422);
      const body = (await res.json()) as { error: { code: string; details: { fields: { path: string }[] } } };
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.details.fields.map((f) => f.path)).toContain("password");
    }
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("limits sign-ups per address: the 11th within the hour is refused with 429", async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await postSignUp({ email: freshEmail("burst"), password: "short" }, ip)).status).toBe(422);
    const refused = await postSignUp({ email: freshEmail("burst"), password: PASSWORD }, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit-limit")).toBe("10");
  });

  it("applies the same mode to accounts created through OAuth", async () => {
    const oauth = (email: string) =>
      signInWithOAuth(
        { provider: "oidc", type: "oidc", providerAccountId: newId("account"), email, emailVerified: true },
        { requestId: newId("request"), ip: null, userAgent: "vitest" },
        { verificationRequired: false, fingerprintKey: "test-fingerprint-key" },
      );
    await setMode("INVITE_ONLY");
    expect(await oauth(freshEmail("sso"))).toBeNull();
    await setMode("ALLOWLIST");
    const domain = `sso-${newId("user").slice(4, 14)}.example`;
    await prisma.allowlistEntry.create({ data: { id: newId("allowlist"), kind: "DOMAIN", value: domain } });
    expect(await oauth(freshEmail("sso"))).toBeNull();
    expect(await oauth(freshEmail("sso", domain))).toMatch(/^usr_/);
    await setMode("OPEN");
    expect(await oauth(freshEmail("sso"))).toMatch(/^usr_/);
  });

  it("rejects unknown fields (no mass assignment)", async () => {
    const res = await postSignUp({ email: freshEmail(), password: PASSWORD, isPlatformAdmin: true });
    expect(res.status).toBe(422);
  });
});

describe("POST /api/v1/auth/verify-email", () => {
  it("verifies the address once; a used, expired or unknown token gets one answer", async () => {
    await setMode("OPEN");
    const email = freshEmail("verify");
    await postSignUp({ email, password: PASSWORD });
    const token = loggedToken(email)!;

    const first = await postVerify(token);
    expect(first.status).toBe(204);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    const stored = await prisma.emailVerificationToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(stored.usedAt).toBeInstanceOf(Date);
    expect(Math.abs(stored.expiresAt.getTime() - stored.createdAt.getTime() - 24 * 60 * 60 * 1000)).toBeLessThan(1000);

    const second = await postVerify(token);
    expect(second.status).toBe(400);
    const unknown = await postVerify(randomBytes(32).toString("base64url"));
    expect(unknown.status).toBe(400);
    const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;
    expect(await message(second)).toBe(await message(unknown));
  });

  it("refuses an expired token", async () => {
    await setMode("OPEN");
    const email = freshEmail("expired");
    await postSignUp({ email, password: PASSWORD });
    const token = loggedToken(email)!;
    await prisma.emailVerificationToken.updateMany({
      where: { tokenHash: createHash("sha256").update(token).digest("hex") },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await postVerify(token)).status).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
  });

  it("lets exactly one of many concurrent uses of a token succeed", async () => {
    await setMode("OPEN");
    const email = freshEmail("race");
    await postSignUp({ email, password: PASSWORD });
    const token = loggedToken(email)!;
    const statuses = await Promise.all(Array.from({ length: 8 }, () => postVerify(token).then((r) => r.status)));
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(7);
  });

  it("makes the BULWARK_ADMIN_EMAIL account a platform administrator once its address is proven", async () => {
    await setMode("OPEN");
    const adminEmail = freshEmail("designated-admin");
    await postSignUp({ email: adminEmail, password: PASSWORD });
    // Signing up with the address is not proof of owning it.
    expect((await prisma.user.findUniqueOrThrow({ where: { email: adminEmail } })).isPlatformAdmin).toBe(false);

    await verifyEmail({ requestId: newId("request"), ip: null, userAgent: "vitest" }, { token: loggedToken(adminEmail)! }, { adminEmail });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: adminEmail } });
    expect(user.isPlatformAdmin).toBe(true);
    expect(await prisma.auditLogEntry.count({ where: { orgId: null, action: "platform_admin.grant", targetId: user.id } })).toBe(1);
  });
});

describe("GET/PUT /api/v1/admin/signup-mode", () => {
  it("lets a platform administrator read and change the mode, audited in the platform chain", async () => {
    await setMode("INVITE_ONLY");
    const read = await getMode(apiRequest("GET", "/api/v1/admin/signup-mode", { cookie: adminCookie }));
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ mode: "invite_only" });

    const since = new Date();
    const changed = await putMode(apiRequest("PUT", "/api/v1/admin/signup-mode", { cookie: adminCookie, body: { mode: "allowlist" } }));
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ mode: "allowlist" });
    expect((await prisma.platformSettings.findUniqueOrThrow({ where: { id: "platform" } })).signupMode).toBe("ALLOWLIST");
    const audit = await prisma.auditLogEntry.findFirstOrThrow({ where: { orgId: null, action: "signup_mode.update", createdAt: { gte: since } } });
    expect(audit.paramsPreview).toBe('{"from":"invite_only","to":"allowlist"}');

    const invalid = await putMode(apiRequest("PUT", "/api/v1/admin/signup-mode", { cookie: adminCookie, body: { mode: "everyone" } }));
    expect(invalid.status).toBe(422);
  });

  it("creates the settings row on first read, closed by default", async () => {
    await prisma.platformSettings.deleteMany({ where: { id: "platform" } });
    const read = await getMode(apiRequest("GET", "/api/v1/admin/signup-mode", { cookie: adminCookie }));
    expect(await read.json()).toEqual({ mode: "invite_only" });
  });

  it("refuses an organization owner who is not a platform administrator", async () => {
    const cookie = await createSessionCookie(org.users.owner.id, org.orgId);
    expect((await putMode(apiRequest("PUT", "/api/v1/admin/signup-mode", { cookie, body: { mode: "open" } }))).status).toBe(403);
  });
});
