import { randomBytes } from "node:crypto";
import { newId, prisma } from "@bulwark/db";
import { createTestOrg } from "@bulwark/db/testing";
import { describe, expect, it } from "vitest";
import { assertMembership } from "@/server/services/organizations/assert-membership";
import { apiRequest, type ApiRequestOptions, createSessionCookie, createTestApiKey, routeParams } from "@/testing/credentials";
import { DELETE as leave } from "./[id]/membership/route";
import { GET as getCurrent, PATCH as renameCurrent } from "./current/route";
import { GET as list, POST as create } from "./route";

type Handler = (req: Request, ctx?: ReturnType<typeof routeParams>) => Promise<Response>;

function send(handler: Handler, method: string, path: string, options: ApiRequestOptions = {}, params?: Record<string, string>) {
  return handler(apiRequest(method, path, options), params ? routeParams(params) : undefined);
}

async function newUser() {
  const id = newId("user");
  return prisma.user.create({ data: { id, email: `solo.${id}@example.test` } });
}

const unique = (name: string) => `${name} ${randomBytes(4).toString("hex")}`;

describe("organizations", () => {
  it("POST creates an organization owned by the caller, with a slug from its name, and audits it in the new org's chain", async () => {
    const org = await createTestOrg();
    const cookie = await createSessionCookie(org.users.viewer.id, org.orgId);
    const name = unique("Blue Team");

    const res = await send(create, "POST", "/api/v1/organizations", { cookie, body: { name } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; name: string; slug: string; tier: string; role: string };
    expect(created).toMatchObject({ name, slug: name.toLowerCase().replaceAll(" ", "-"), tier: "free", role: "owner" });
    expect(created.id).toMatch(/^org_/);

    const membership = await prisma.membership.findUnique({ where: { orgId_userId: { orgId: created.id, userId: org.users.viewer.id } } });
    expect(membership?.role).toBe("OWNER");
    const audit = await prisma.auditLogEntry.findMany({ where: { orgId: created.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "org.create", seq: 1n, actorType: "USER", actorUserId: org.users.viewer.id, targetId: created.id });
    // The caller's previous organization is untouched, and they stay a viewer there.
    expect(await prisma.auditLogEntry.count({ where: { orgId: org.orgId, action: "org.create" } })).toBe(0);
  });

  it("lets a signed-in user without any organization create their first, and lists each membership with its role", async () => {
    const user = await newUser();
    const cookie = await createSessionCookie(user.id);
    const empty = await send(list, "GET", "/api/v1/organizations", { cookie });
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({ data: [], nextCursor: null });

    const first = (await (await send(create, "POST", "/api/v1/organizations", { cookie, body: { name: unique("First") } })).json()) as { id: string };
    const other = await createTestOrg();
    await prisma.membership.create({ data: { id: newId("membership"), orgId: other.orgId, userId: user.id, role: "VIEWER" } });

    const page = (await (await send(list, "GET", "/api/v1/organizations", { cookie })).json()) as { data: { id: string; role: string }[] };
    expect(page.data.map((o) => [o.id, o.role]).sort()).toEqual([[first.id, "owner"], [other.orgId, "viewer"]].sort());
  });

  it("pages through the caller's organizations with a cursor, and never lists anyone else's", async () => {
    const user = await newUser();
    const cookie = await createSessionCookie(user.id);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(((await (await send(create, "POST", "/api/v1/organizations", { cookie, body: { name: unique("Paged") } })).json()) as { id: string }).id);
    await createTestOrg("Somebody else's");

    const one = (await (await send(list, "GET", "/api/v1/organizations?limit=2", { cookie })).json()) as { data: { id: string }[]; nextCursor: string };
    expect(one.data.map((o) => o.id)).toEqual(ids.slice(0, 2));
    const two = (await (await send(list, "GET", `/api/v1/organizations?limit=2&cursor=${one.nextCursor}`, { cookie })).json()) as { data: { id: string }[]; nextCursor: null };
    expect(two).toEqual({ data: [expect.objectContaining({ id: ids[2] })], nextCursor: null });
  });

  it("gives concurrent creators of the same name distinct slugs", async () => {
    const user = await newUser();
    const cookie = await createSessionCookie(user.id);
    const name = unique("Same Name");
    const results = await Promise.all(Array.from({ length: 5 }, () => send(create, "POST", "/api/v1/organizations", { cookie, body: { name } })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const slugs = await Promise.all(results.map(async (r) => ((await r.json()) as { slug: string }).slug));
    expect(new Set(slugs).size).toBe(5);
    expect(slugs).toContain(name.toLowerCase().replaceAll(" ", "-"));
  });

  it("refuses bodies that try to set anything but the name", async () => {
    const org = await createTestOrg();
    const cookie = await createSessionCookie(org.users.owner.id, org.orgId);
    for (const extra of [{ orgId: org.orgId }, { slug: "taken" }, { tier: "enterprise" }, { role: "owner" }, { id: newId("org") }]) {
      const res = await send(create, "POST", "/api/v1/organizations", { cookie, body: { name: unique("Sneaky"), ...extra } });
      expect(res.status, JSON.stringify(extra)).toBe(422);
    }
    expect(await prisma.organization.count({ where: { name: { startsWith: "Sneaky" } } })).toBe(0);
  });

  it("GET /current answers the key's organization for a key, and the active one for a session", async () => {
    const [a, b] = await Promise.all([createTestOrg("Current A"), createTestOrg("Current B")]);
    const key = await createTestApiKey(a, "viewer");
    const byKey = (await (await send(getCurrent, "GET", "/api/v1/organizations/current", { token: key.token })).json()) as { id: string; role: string };
    expect(byKey).toMatchObject({ id: a.orgId, role: "viewer" });

    await prisma.membership.create({ data: { id: newId("membership"), orgId: b.orgId, userId: a.users.member.id, role: "ADMIN" } });
    const active = await createSessionCookie(a.users.member.id, b.orgId);
    const bySession = (await (await send(getCurrent, "GET", "/api/v1/organizations/current", { cookie: active })).json()) as { id: string; role: string };
    expect(bySession).toMatchObject({ id: b.orgId, role: "admin" });
  });

  it("PATCH /current renames (admins may), keeps the slug, audits from and to, and refuses other fields", async () => {
    // FREE, so the refused `{ tier: "enterprise" }` below would show if it had been applied.
    const org = await createTestOrg("Before", { tier: "FREE" });
    const { slug } = await prisma.organization.findUniqueOrThrow({ where: { id: org.orgId } });
    const admin = await createSessionCookie(org.users.admin.id, org.orgId);

    const res = await send(renameCurrent, "PATCH", "/api/v1/organizations/current", { cookie: admin, body: { name: "After" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: org.orgId, name: "After", slug, role: "admin" });
    const entry = await prisma.auditLogEntry.findFirstOrThrow({ where: { orgId: org.orgId, action: "org.rename" } });
    expect(entry).toMatchObject({ actorUserId: org.users.admin.id, targetId: org.orgId });
    expect(entry.paramsPreview).toBe('{"from":"Before","to":"After"}');

    for (const extra of [{ slug: "mine" }, { tier: "enterprise" }, { orgId: newId("org") }]) {
      const refused = await send(renameCurrent, "PATCH", "/api/v1/organizations/current", { cookie: admin, body: { name: "Again", ...extra } });
      expect(refused.status, JSON.stringify(extra)).toBe(422);
    }
    const member = await createSessionCookie(org.users.member.id, org.orgId);
    expect((await send(renameCurrent, "PATCH", "/api/v1/organizations/current", { cookie: member, body: { name: "Mine now" } })).status).toBe(403);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: org.orgId } })).toMatchObject({ name: "After", slug, tier: "FREE" });
  });
});

describe("leaving an organization", () => {
  const leavePath = (orgId: string) => `/api/v1/organizations/${orgId}/membership`;

  it("lets any member leave, revokes their keys there and audits it as a self-removal", async () => {
    const org = await createTestOrg();
    const key = await createTestApiKey(org, "viewer");
    const cookie = await createSessionCookie(org.users.viewer.id, org.orgId);

    const res = await send(leave, "DELETE", leavePath(org.orgId), { cookie }, { id: org.orgId });
    expect(res.status).toBe(204);
    expect(await prisma.membership.count({ where: { orgId: org.orgId, userId: org.users.viewer.id } })).toBe(0);
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).not.toBeNull();
    const entry = await prisma.auditLogEntry.findFirstOrThrow({ where: { orgId: org.orgId, action: "member.remove" } });
    expect(entry.actorUserId).toBe(org.users.viewer.id);
    expect(entry.paramsPreview).toContain('"self":true');
  });

  it("leaves an organization other than the active one", async () => {
    const [a, b] = await Promise.all([createTestOrg(), createTestOrg()]);
    await prisma.membership.create({ data: { id: newId("membership"), orgId: b.orgId, userId: a.users.owner.id, role: "MEMBER" } });
    const cookie = await createSessionCookie(a.users.owner.id, a.orgId);
    expect((await send(leave, "DELETE", leavePath(b.orgId), { cookie }, { id: b.orgId })).status).toBe(204);
    expect(await prisma.membership.count({ where: { userId: a.users.owner.id } })).toBe(1);
  });

  it("refuses the last owner (409), and answers 404 for an organization the caller is not in", async () => {
    const [org, other] = await Promise.all([createTestOrg(), createTestOrg()]);
    const cookie = await createSessionCookie(org.users.owner.id, org.orgId);
    const last = await send(leave, "DELETE", leavePath(org.orgId), { cookie }, { id: org.orgId });
    expect(last.status).toBe(409);
    expect(await prisma.membership.count({ where: { orgId: org.orgId, role: "OWNER" } })).toBe(1);

    const foreign = await send(leave, "DELETE", leavePath(other.orgId), { cookie }, { id: other.orgId });
    expect(foreign.status).toBe(404);
    expect(await prisma.membership.count({ where: { orgId: other.orgId } })).toBe(4);
  });
});

describe("assertMembership (for switching the active organization)", () => {
  it("answers the role in an organization the user belongs to, and not found for any other", async () => {
    const [org, other] = await Promise.all([createTestOrg(), createTestOrg()]);
    await expect(assertMembership(org.users.admin.id, org.orgId)).resolves.toEqual({ orgId: org.orgId, role: "admin" });
    await expect(assertMembership(org.users.admin.id, other.orgId)).rejects.toMatchObject({ code: "not_found" });
    await expect(assertMembership(org.users.admin.id, newId("org"))).rejects.toMatchObject({ code: "not_found" });
  });
});
