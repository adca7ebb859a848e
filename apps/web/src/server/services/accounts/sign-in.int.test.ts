import { newId, prisma } from "@bulwark/db";
import { createTestOrg } from "@bulwark/db/testing";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { resolveSessionUser } from "@/server/auth/authenticate-session";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import { dummyPasswordHash, hashPassword, verifyPassword } from "@/server/auth/password-hash";
import { authorizeCredentials, type AuthorizeOptions } from "./authorize-credentials";

const PASSWORD = "violet kettle harbour 88";
const options: AuthorizeOptions = { verificationRequired: false, fingerprintKey: "test-fingerprint-key" };

// Unique per call: the limiter's counters live in the shared Redis and outlast a test run.
const freshIp = () => `100.${64 + Math.floor(Math.random() * 64)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
const request = (ip = freshIp()) => ({ requestId: newId("request"), ip, userAgent: "vitest", rateLimitIp: ip });

async function createUser({ password = PASSWORD as string | null, verified = true } = {}) {
  const id = newId("user");
  const email = `signin.${id}@example.test`;
  await prisma.user.create({
    data: { id, email, passwordHash: password === null ? null : await hashPassword(password), emailVerifiedAt: verified ? new Date() : null },
  });
  return { id, email };
}

async function auditFor(action: string, since: Date) {
  return prisma.auditLogEntry.findMany({ where: { orgId: null, action, createdAt: { gte: since } }, orderBy: { seq: "asc" } });
}

describe("authorizeCredentials", () => {
  it("signs in with the right password, records lastSignInAt and audits auth.signin", async () => {
    const user = await createUser();
    const before = new Date();
    const result = await authorizeCredentials({ email: ` ${user.email.toUpperCase()} `, password: PASSWORD }, request(), options);
    expect(result).toEqual({ id: user.id, email: user.email, name: null, image: null });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lastSignInAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const audit = (await auditFor("auth.signin", before)).filter((e) => e.targetId === user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "USER", actorUserId: user.id, userAgent: "vitest" });
  });

  it("fails the same way for a wrong password, an unknown email and a password-less account, spending argon2 on each", async () => {
    const user = await createUser();
    const oauthOnly = await createUser({ password: null });
    const unknownEmail = `nobody.${newId("user")}@example.test`;
    const dummy = await dummyPasswordHash();
    const since = new Date();

    const verify = vi.fn(verifyPassword);
    const attempts = [
      { email: user.email, password: "not the password at all" },
      { email: unknownEmail, password: PASSWORD },
      { email: oauthOnly.email, password: PASSWORD },
    ];
    const results = [];
    for (const credentials of attempts) results.push(await authorizeCredentials(credentials, request(), { ...options, verify }));

    expect(results).toEqual([null, null, null]);
    // One argon2 verification per attempt: against the real hash, then twice against the dummy.
    expect(verify).toHaveBeenCalledTimes(3);
    expect(verify.mock.calls[0]![0]).not.toBe(dummy);
    expect(verify.mock.calls[1]![0]).toBe(dummy);
    expect(verify.mock.calls[2]![0]).toBe(dummy);

    const failures = await auditFor("auth.signin_failed", since);
    const mine = failures.filter((e) => e.userAgent === "vitest" && /wrong_password|unknown_email|no_password/.test(e.paramsPreview ?? ""));
    expect(mine.length).toBeGreaterThanOrEqual(3);
    for (const entry of mine) {
      expect(entry.actorType).toBe("ANONYMOUS");
      expect(entry.actorUserId).toBeNull();
      // Neither the attempted password nor the address is stored, only a keyed fingerprint.
      const stored = JSON.stringify(entry, (_, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
      expect(stored).not.toContain(PASSWORD);
      expect(stored).not.toContain("not the password");
      expect(stored).not.toContain(unknownEmail);
      expect(stored).not.toContain(user.email);
    }
    expect(mine.find((e) => e.targetId === user.id)?.paramsPreview).toContain("wrong_password");
  });

  it("refuses an unverified address only when verification is required", async () => {
    const user = await createUser({ verified: false });
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, request(), { ...options, verificationRequired: true })).toBeNull();
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, request(), options)).toMatchObject({ id: user.id });
  });

  it("returns null for malformed credentials", async () => {
    expect(await authorizeCredentials({ email: "", password: PASSWORD }, request(), options)).toBeNull();
    expect(await authorizeCredentials(undefined, request(), options)).toBeNull();
    expect(await authorizeCredentials({ email: "a@b.test", password: 42 }, request(), options)).toBeNull();
  });

  it("throttles one address after 10 attempts from many sources, even with the right password", async () => {
    const user = await createUser();
    const verify = vi.fn(verifyPassword);
    for (let i = 0; i < 10; i++) {
      expect(await authorizeCredentials({ email: user.email, password: "wrong password number " + i }, request(), { ...options, verify })).toBeNull();
    }
    expect(verify).toHaveBeenCalledTimes(10);
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, request(), { ...options, verify })).toBeNull();
    // Refused before any password work.
    expect(verify).toHaveBeenCalledTimes(10);
  });

  it("throttles one source after 30 attempts across many addresses, even with the right password", async () => {
    const ip = freshIp();
    const user = await createUser();
    for (let i = 0; i < 30; i++) {
      await authorizeCredentials({ email: `spray.${i}.${newId("user")}@example.test`, password: PASSWORD }, request(ip), options);
    }
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, request(ip), options)).toBeNull();
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, request(), options)).toMatchObject({ id: user.id });
  });
});

// ─── Through Auth.js itself, as the browser does it ───

interface AuthRequestOptions {
  cookie?: string;
  form?: Record<string, string>;
  json?: unknown;
  ip: string;
  headers?: Record<string, string>;
}

function authRequest(method: "GET" | "POST", path: string, { cookie, form, json, ip, headers: extra = {} }: AuthRequestOptions) {
  const headers: Record<string, string> = { "x-forwarded-for": ip, "user-agent": "vitest", ...extra };
  if (cookie) headers.cookie = cookie;
  let body: string | undefined;
  if (form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(form).toString();
  } else if (json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(json);
  }
  return new NextRequest(`http://localhost:3000/api/auth/${path}`, { method, headers, body });
}

function cookiesOf(response: Response): Record<string, string> {
  return Object.fromEntries(response.headers.getSetCookie().map((line) => line.split(";")[0]!.split(/=(.*)/s).slice(0, 2) as [string, string]));
}

async function signInThroughAuthJs(email: string, password: string, ip = freshIp(), headers: Record<string, string> = {}, callbackUrl = "http://localhost:3000/") {
  const csrf = await authRoute.GET(authRequest("GET", "csrf", { ip, headers }));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = Object.entries(cookiesOf(csrf)).map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await authRoute.POST(
    authRequest("POST", "callback/credentials", { cookie: csrfCookie, form: { email, password, csrfToken, callbackUrl }, ip, headers }),
  );
  const session = cookiesOf(response)["authjs.session-token"];
  return { response, csrfCookie, csrfToken, sessionCookie: session ? `authjs.session-token=${session}` : undefined };
}

describe("sign-in through the Auth.js handlers", () => {
  it("sets a session cookie that the API accepts, working in the user's oldest organization", async () => {
    const [older, newer] = [await createTestOrg("Older org"), await createTestOrg("Newer org")];
    const user = await createUser();
    await prisma.membership.create({ data: { id: newId("membership"), orgId: older.orgId, userId: user.id, role: "MEMBER" } });
    await prisma.membership.create({ data: { id: newId("membership"), orgId: newer.orgId, userId: user.id, role: "ADMIN" } });

    const { response, sessionCookie } = await signInThroughAuthJs(user.email, PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost:3000/");
    expect(sessionCookie).toBeDefined();
    const session = await resolveSessionUser(new Request("http://localhost:3000/api/v1/projects", { headers: { cookie: sessionCookie! } }));
    expect(session).toEqual({ userId: user.id, isPlatformAdmin: false, activeOrg: { orgId: older.orgId, role: "member" } });
  });

  it("answers a wrong password and an unknown email identically, without a session", async () => {
    const user = await createUser();
    const wrong = await signInThroughAuthJs(user.email, "not the password at all");
    const unknown = await signInThroughAuthJs(`nobody.${newId("user")}@example.test`, PASSWORD);
    for (const attempt of [wrong, unknown]) {
      expect(attempt.response.status).toBe(302);
      expect(attempt.sessionCookie).toBeUndefined();
    }
    expect(wrong.response.headers.get("location")).toBe(unknown.response.headers.get("location"));
    expect(wrong.response.headers.get("location")).toMatch(/^http:\/\/localhost:3000\/sign-in\?error=CredentialsSignin&code=credentials/);
  });

  it("switches the active organization on update only to one the user belongs to", async () => {
    const [home, other, foreign] = [await createTestOrg("Home"), await createTestOrg("Other"), await createTestOrg("Foreign")];
    const user = await createUser();
    await prisma.membership.create({ data: { id: newId("membership"), orgId: home.orgId, userId: user.id, role: "OWNER" } });
    await prisma.membership.create({ data: { id: newId("membership"), orgId: other.orgId, userId: user.id, role: "VIEWER" } });
    const ip = freshIp();
    const { sessionCookie, csrfCookie, csrfToken } = await signInThroughAuthJs(user.email, PASSWORD, ip);

    const update = async (cookie: string, orgId: string) => {
      const res = await authRoute.POST(authRequest("POST", "session", { cookie: `${csrfCookie}; ${cookie}`, json: { csrfToken, data: { orgId } }, ip }));
      expect(res.status).toBe(200);
      const next = cookiesOf(res)["authjs.session-token"];
      return next ? `authjs.session-token=${next}` : cookie;
    };
    const activeOrg = async (cookie: string) =>
      (await resolveSessionUser(new Request("http://localhost:3000/api/v1/projects", { headers: { cookie } })))?.activeOrg;

    const switched = await update(sessionCookie!, other.orgId);
    expect(await activeOrg(switched)).toEqual({ orgId: other.orgId, role: "viewer" });
    const refused = await update(switched, foreign.orgId);
    expect(await activeOrg(refused)).toEqual({ orgId: other.orgId, role: "viewer" });
  });
});
