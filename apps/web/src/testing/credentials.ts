import { type Role, type Scope, scopesForRole } from "@bulwark/contracts";
import { newId, prisma } from "@bulwark/db";
import type { TestOrg } from "@bulwark/db/testing";
import { encode } from "next-auth/jwt";
import { generateSecretToken } from "@/server/auth/secret-token";
import { sessionCookieName } from "@/server/auth/session-cookie";

/** A real API key row for a member of `org`, with the role's scopes unless narrowed. */
export async function createTestApiKey(org: TestOrg, role: Role, scopes: readonly Scope[] = scopesForRole(role)) {
  const { token, prefix, hash } = generateSecretToken("bwk");
  const key = await prisma.apiKey.create({
    data: { id: newId("apiKey"), orgId: org.orgId, name: `${role} test key`, prefix, hash, scopes: [...scopes], createdById: org.users[role].id },
  });
  return { token, id: key.id };
}

/** A session cookie exactly as next-auth would set it for this user, signed with the test secret. */
export async function createSessionCookie(userId: string, orgId?: string): Promise<string> {
  const name = sessionCookieName(false);
  const secret = process.env.AUTH_SECRET!;
  const jwt = await encode({ token: { sub: userId, ...(orgId ? { orgId } : {}) }, secret, salt: name });
  return `${name}=${jwt}`;
}

export interface ApiRequestOptions {
  token?: string;
  cookie?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A documentation-range address (RFC 5737), fresh per call unless a test pins one. */
export function randomClientIp(): string {
  return `198.51.100.${1 + Math.floor(Math.random() * 254)}, 203.0.113.${1 + Math.floor(Math.random() * 254)}`;
}

/**
 * A Request as a client would send it; cookie requests look same-origin unless told otherwise.
 * Each request comes from its own client address, so anonymous per-IP limits of unrelated tests
 * never add up; rate-limit tests pin `x-forwarded-for` themselves.
 */
export function apiRequest(method: string, path: string, { token, cookie, body, headers = {} }: ApiRequestOptions = {}): Request {
  const all: Record<string, string> = { "x-forwarded-for": randomClientIp(), ...headers };
  if (token) all.authorization = `Bearer ${token}`;
  if (cookie) {
    all.cookie = cookie;
    all["sec-fetch-site"] ??= "same-origin";
  }
  if (body !== undefined) all["content-type"] ??= "application/json";
  return new Request(`http://localhost:3000${path}`, {
    method,
    headers: all,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Next passes dynamic segments as a promise. */
export function routeParams(params: Record<string, string>) {
  return { params: Promise.resolve(params) };
}

/** A real sidecar token for a new project of `org`. */
export async function createTestSidecarToken(org: TestOrg) {
  const projectId = newId("project");
  await prisma.project.create({ data: { id: projectId, orgId: org.orgId, name: "Sidecar project", environment: "SANDBOX" } });
  const { token, prefix, hash } = generateSecretToken("bws");
  const row = await prisma.sidecarToken.create({ data: { id: newId("sidecarToken"), orgId: org.orgId, projectId, name: "test sidecar", prefix, hash } });
  return { token, id: row.id, projectId };
}
