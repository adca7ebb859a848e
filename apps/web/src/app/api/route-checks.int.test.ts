import { operations, ROLE_SCOPES, ROLES, SCOPES, type AnyOperation } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { clearPolicyOverrides, setPolicyOverride } from "@/server/rate-limit/policies";
import { apiRequest, createSessionCookie, createTestApiKey, createTestSidecarToken, routeParams } from "@/testing/credentials";
import { handlerFor, paramsFor, urlFor } from "@/testing/route-handlers";
import { DAY_WINDOW_MS } from "@/testing/rate-limits";

// Generated from the operation list: a new route gets these checks without anyone writing them.
const principalOps = operations.filter((op) => op.auth === "principal");
const personOps = operations.filter((op) => op.auth === "user" || op.auth === "platform_admin");
const sidecarOps = operations.filter((op) => op.auth === "sidecar");
const mutating = (op: AnyOperation) => op.method !== "GET";

let orgA: TestOrg;
let orgB: TestOrg;
beforeAll(async () => {
  [orgA, orgB] = await Promise.all([createTestOrg("Org A"), createTestOrg("Org B")]);
});

async function call(op: AnyOperation, org: TestOrg, options: Parameters<typeof apiRequest>[2] = {}, params?: Record<string, string>) {
  const p = params ?? (await paramsFor(op, org));
  const handler = await handlerFor(op);
  const body = options.body ?? (op.body ? op.exampleBody : undefined);
  return handler(apiRequest(op.method, urlFor(op, p), { ...options, body }), routeParams(p));
}

async function errorCode(res: Response) {
  const json = (await res.json()) as { error?: { code: string; requestId: string } };
  expect(json.error?.requestId).toBe(res.headers.get("x-request-id"));
  return json.error?.code;
}

describe.each(principalOps.map((op) => [`${op.method} ${op.path}`, op] as const))("%s", (_, op) => {
  it("answers 401 without credentials", async () => {
    const res = await call(op, orgA);
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe("unauthorized");
  });

  it("answers 401 to an unknown, a malformed, a revoked and an expired key", async () => {
    const revoked = await createTestApiKey(orgA, "owner");
    await prisma.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    const expired = await createTestApiKey(orgA, "owner");
    await prisma.apiKey.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const unknown = `bwk_${"a".repeat(42)}`;
    for (const token of [unknown, "not-a-key", revoked.token, expired.token]) {
      const res = await call(op, orgA, { token });
      expect(res.status, token).toBe(401);
    }
  });

  it(`answers 403 to a key without ${op.scope}`, async () => {
    const key = await createTestApiKey(orgA, "owner", SCOPES.filter((scope) => scope !== op.scope));
    const res = await call(op, orgA, { token: key.token });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe("forbidden");
  });

  it("answers 429 with Retry-After and rate limit headers past the limit", async () => {
    const policy = op.method === "GET" ? "api.read" : "api.write";
    setPolicyOverride(policy, { rules: { principal: { limit: 1, windowMs: DAY_WINDOW_MS } }, onBackendFailure: "memory" });
    try {
      const key = await createTestApiKey(orgA, "owner");
      const first = await call(op, orgA, { token: key.token });
      expect(first.headers.get("ratelimit-limit")).toBe("1");
      const second = await call(op, orgA, { token: key.token });
      expect(second.status).toBe(429);
      expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(second.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(await errorCode(second)).toBe("rate_limited");
    } finally {
      clearPolicyOverrides();
    }
  });

  if (/\{\w+\}/.test(op.path)) {
    it("answers 404 for another organization's resource", async () => {
      const key = await createTestApiKey(orgA, "owner");
      const res = await call(op, orgA, { token: key.token }, await paramsFor(op, orgB));
      expect(res.status).toBe(404);
      expect(await errorCode(res)).toBe("not_found");
    });
  }

  if (mutating(op)) {
    it("refuses a cross-site request that rides on a session cookie", async () => {
      const cookie = await createSessionCookie(orgA.users.owner.id, orgA.orgId);
      const crossSite = await call(op, orgA, { cookie, headers: { "sec-fetch-site": "cross-site" } });
      expect(crossSite.status).toBe(403);
      const noOrigin = await call(op, orgA, { cookie, headers: { "sec-fetch-site": "" } });
      expect(noOrigin.status).toBe(403);
    });

    it.each(ROLES.map((role) => [role]))("as %s: allowed exactly when the role has the scope", async (role) => {
      const org = await createTestOrg(`Matrix ${op.id} ${role}`);
      const cookie = await createSessionCookie(org.users[role].id, org.orgId);
      const res = await call(op, org, { cookie });
      if (ROLE_SCOPES[role].includes(op.scope!)) expect(res.status, await res.clone().text()).toBe(op.success.status);
      else expect(res.status).toBe(403);
    });
  }
});

describe.each(personOps.map((op) => [`${op.method} ${op.path}`, op] as const))("%s (signed-in user)", (_, op) => {
  it("answers 401 without a session and to an API key, however powerful", async () => {
    expect((await call(op, orgA)).status).toBe(401);
    const key = await createTestApiKey(orgA, "owner");
    expect((await call(op, orgA, { token: key.token })).status).toBe(401);
  });

  if (op.auth === "platform_admin") {
    it("answers 403 to an organization owner who is not a platform admin", async () => {
      const cookie = await createSessionCookie(orgA.users.owner.id, orgA.orgId);
      const res = await call(op, orgA, { cookie });
      expect(res.status).toBe(403);
    });
  }

  if (mutating(op)) {
    it("refuses a cross-site request that rides on a session cookie", async () => {
      const cookie = await createSessionCookie(orgA.users.owner.id, orgA.orgId);
      const res = await call(op, orgA, { cookie, headers: { "sec-fetch-site": "cross-site" } });
      expect(res.status).toBe(403);
    });
  }
});

describe.each(sidecarOps.map((op) => [`${op.method} ${op.path}`, op] as const))("%s (sidecar)", (_, op) => {
  it("answers 401 without credentials, to unknown or revoked tokens, and to a session cookie", async () => {
    const revoked = await createTestSidecarToken(orgA);
    await prisma.sidecarToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    for (const token of [undefined, `bws_${"a".repeat(42)}`, "not-a-token", revoked.token]) {
      const res = await call(op, orgA, token ? { token } : {});
      expect(res.status, String(token)).toBe(401);
      expect(await errorCode(res)).toBe("unauthorized");
    }
    const cookie = await createSessionCookie(orgA.users.owner.id, orgA.orgId);
    expect((await call(op, orgA, { cookie })).status).toBe(401);
  });

  it("answers 403 to an API key without ingest:write, and 404 for another organization's project", async () => {
    const { projectId } = await createTestSidecarToken(orgB);
    const noScope = await createTestApiKey(orgA, "owner", SCOPES.filter((scope) => scope !== "ingest:write"));
    const handler = await handlerFor(op);
    const withoutScope = await handler(apiRequest(op.method, `${op.path}?projectId=${projectId}`, { token: noScope.token, body: op.exampleBody }));
    expect(withoutScope.status).toBe(403);
    const key = await createTestApiKey(orgA, "owner");
    const foreign = await handler(apiRequest(op.method, `${op.path}?projectId=${projectId}`, { token: key.token, body: op.exampleBody }));
    expect(foreign.status).toBe(404);
  });

  it("answers 429 with Retry-After and rate limit headers past the limit", async () => {
    setPolicyOverride("ingest", { rules: { principal: { limit: 1, windowMs: DAY_WINDOW_MS } }, onBackendFailure: "memory" });
    try {
      const { token } = await createTestSidecarToken(orgA);
      const first = await call(op, orgA, { token });
      expect(first.headers.get("ratelimit-limit")).toBe("1");
      const second = await call(op, orgA, { token });
      expect(second.status).toBe(429);
      expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await errorCode(second)).toBe("rate_limited");
    } finally {
      clearPolicyOverrides();
    }
  });
});
