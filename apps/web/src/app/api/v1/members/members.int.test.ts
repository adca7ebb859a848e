import { scopesForRole } from "@bulwark/contracts";
import { newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { describe, expect, it } from "vitest";
import type { ServiceContext } from "@/server/auth/principal";
import { updateMemberRole } from "@/server/services/members/update-member-role";
import { apiRequest, type ApiRequestOptions, createSessionCookie, createTestApiKey, routeParams } from "@/testing/credentials";
import { DELETE as remove, PATCH as update } from "./[id]/route";
import { GET as list } from "./route";

type Role = "owner" | "admin" | "member" | "viewer";

async function membershipId(org: TestOrg, role: Role) {
  return (await prisma.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: org.orgId, userId: org.users[role].id } } })).id;
}

async function as(org: TestOrg, role: Role) {
  return createSessionCookie(org.users[role].id, org.orgId);
}

function changeRole(cookie: string, id: string, body: unknown, options: ApiRequestOptions = {}) {
  return update(apiRequest("PATCH", `/api/v1/members/${id}`, { cookie, body, ...options }), routeParams({ id }));
}

function removeMember(cookie: string, id: string) {
  return remove(apiRequest("DELETE", `/api/v1/members/${id}`, { cookie }), routeParams({ id }));
}

/** A second owner for `org`, so that one of the two may be demoted or removed. */
async function addOwner(org: TestOrg) {
  const userId = newId("user");
  await prisma.user.create({ data: { id: userId, email: `owner2.${userId}@example.test` } });
  const membership = await prisma.membership.create({ data: { id: newId("membership"), orgId: org.orgId, userId, role: "OWNER" } });
  return { userId, membershipId: membership.id, cookie: await createSessionCookie(userId, org.orgId) };
}

const roleOf = async (id: string) => (await prisma.membership.findUnique({ where: { id } }))?.role;
const auditOf = (org: TestOrg, action: string) => prisma.auditLogEntry.findMany({ where: { orgId: org.orgId, action }, orderBy: { seq: "asc" } });

describe("GET /api/v1/members", () => {
  it("lists the organization's members with their roles, to a viewer too, and nobody else's", async () => {
    const [org] = await Promise.all([createTestOrg(), createTestOrg()]);
    const res = await list(apiRequest("GET", "/api/v1/members", { cookie: await as(org, "viewer") }));
    expect(res.status).toBe(200);
    const page = (await res.json()) as { data: { id: string; user: { id: string; email: string }; role: Role }[]; nextCursor: null };
    expect(page.nextCursor).toBeNull();
    expect(page.data.map((m) => [m.user.email, m.role]).sort()).toEqual(
      (["owner", "admin", "member", "viewer"] as const).map((role) => [org.users[role].email, role]).sort(),
    );
    expect(page.data.every((m) => /^mem_/.test(m.id))).toBe(true);
  });

  it("pages with a cursor", async () => {
    const org = await createTestOrg();
    const key = await createTestApiKey(org, "member");
    const first = (await (await list(apiRequest("GET", "/api/v1/members?limit=3", { token: key.token }))).json()) as { data: { id: string }[]; nextCursor: string };
    expect(first.data).toHaveLength(3);
    const rest = (await (await list(apiRequest("GET", `/api/v1/members?limit=3&cursor=${first.nextCursor}`, { token: key.token }))).json()) as { data: { id: string }[]; nextCursor: null };
    expect(rest.data).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect(new Set([...first.data, ...rest.data].map((m) => m.id)).size).toBe(4);
  });
});

describe("PATCH /api/v1/members/{id}", () => {
  it("lets an owner promote a member and audits from and to", async () => {
    const org = await createTestOrg();
    const id = await membershipId(org, "member");
    const res = await changeRole(await as(org, "owner"), id, { role: "admin" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, role: "admin", user: { id: org.users.member.id } });
    expect(await roleOf(id)).toBe("ADMIN");
    const [entry] = await auditOf(org, "member.role_change");
    expect(entry).toMatchObject({ actorUserId: org.users.owner.id, targetType: "membership", targetId: id });
    expect(entry!.paramsPreview).toContain('"from":"member"');
    expect(entry!.paramsPreview).toContain('"to":"admin"');
  });

  it("lets an admin move roles up to admin, but never make, change or unmake an owner", async () => {
    const org = await createTestOrg();
    const admin = await as(org, "admin");
    expect((await changeRole(admin, await membershipId(org, "viewer"), { role: "admin" })).status).toBe(200);

    const member = await membershipId(org, "member");
    const toOwner = await changeRole(admin, member, { role: "owner" });
    expect(toOwner.status).toBe(403);
    expect(await roleOf(member)).toBe("MEMBER");

    const owner = await membershipId(org, "owner");
    expect((await changeRole(admin, owner, { role: "viewer" })).status).toBe(403);
    expect(await roleOf(owner)).toBe("OWNER");

    const self = await membershipId(org, "admin");
    expect((await changeRole(admin, self, { role: "owner" })).status).toBe(403);
    expect(await roleOf(self)).toBe("ADMIN");
    expect(await auditOf(org, "member.role_change")).toHaveLength(1);
  });

  it("applies the same limits to an API key, as its creator's role", async () => {
    const org = await createTestOrg();
    const key = await createTestApiKey(org, "admin");
    const member = await membershipId(org, "member");
    const res = await update(apiRequest("PATCH", `/api/v1/members/${member}`, { token: key.token, body: { role: "owner" } }), routeParams({ id: member }));
    expect(res.status).toBe(403);
    expect(await roleOf(member)).toBe("MEMBER");
  });

  it("refuses members and viewers, and bodies that carry more than the role", async () => {
    const org = await createTestOrg();
    const target = await membershipId(org, "viewer");
    expect((await changeRole(await as(org, "member"), target, { role: "member" })).status).toBe(403);
    expect((await changeRole(await as(org, "viewer"), await membershipId(org, "viewer"), { role: "admin" })).status).toBe(403);

    const owner = await as(org, "owner");
    for (const body of [{ role: "admin", orgId: newId("org") }, { role: "admin", userId: org.users.owner.id }, { role: "superuser" }, {}]) {
      expect((await changeRole(owner, target, body)).status, JSON.stringify(body)).toBe(422);
    }
    expect(await roleOf(target)).toBe("VIEWER");
  });

  it("answers 404 for another organization's member and changes nothing there", async () => {
    const [org, other] = await Promise.all([createTestOrg(), createTestOrg()]);
    const foreign = await membershipId(other, "member");
    const res = await changeRole(await as(org, "owner"), foreign, { role: "admin" });
    expect(res.status).toBe(404);
    expect(await roleOf(foreign)).toBe("MEMBER");
  });

  it("never demotes the last owner, but lets one of two owners step down", async () => {
    const org = await createTestOrg();
    const owner = await as(org, "owner");
    const self = await membershipId(org, "owner");
    const last = await changeRole(owner, self, { role: "admin" });
    expect(last.status).toBe(409);
    expect(((await last.json()) as { error: { code: string } }).error.code).toBe("conflict");
    expect(await roleOf(self)).toBe("OWNER");

    const second = await addOwner(org);
    expect((await changeRole(owner, self, { role: "admin" })).status).toBe(200);
    expect(await roleOf(second.membershipId)).toBe("OWNER");
    expect((await changeRole(second.cookie, second.membershipId, { role: "member" })).status).toBe(409);
  });

  it("keeps at least one owner when the only two owners demote each other at the same moment", async () => {
    // Several rounds: one lucky interleaving would not prove the lock.
    for (let round = 0; round < 6; round++) {
      const org = await createTestOrg(`Race ${round}`);
      const first = { cookie: await as(org, "owner"), membershipId: await membershipId(org, "owner") };
      const second = await addOwner(org);
      const [a, b] = await Promise.all([
        changeRole(first.cookie, second.membershipId, { role: "admin" }),
        changeRole(second.cookie, first.membershipId, { role: "admin" }),
      ]);
      // The loser is refused either as the last owner's demoter (409) or, having just been
      // demoted itself, as an admin who may not touch an owner (403).
      const statuses = [a.status, b.status].sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      expect(await prisma.membership.count({ where: { orgId: org.orgId, role: "OWNER" } })).toBe(1);
      expect(await auditOf(org, "member.role_change")).toHaveLength(1);
    }
  });

  it("keeps at least one owner when two owners demote themselves at the same moment", async () => {
    for (let round = 0; round < 6; round++) {
      const org = await createTestOrg(`Self race ${round}`);
      const first = { cookie: await as(org, "owner"), membershipId: await membershipId(org, "owner") };
      const second = await addOwner(org);
      const results = await Promise.all([
        changeRole(first.cookie, first.membershipId, { role: "member" }),
        changeRole(second.cookie, second.membershipId, { role: "member" }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await prisma.membership.count({ where: { orgId: org.orgId, role: "OWNER" } })).toBe(1);
    }
  });
});

describe("DELETE /api/v1/members/{id}", () => {
  it("removes a member, revokes the API keys they made here, and audits it", async () => {
    const org = await createTestOrg();
    const key = await createTestApiKey(org, "member");
    const id = await membershipId(org, "member");
    const res = await removeMember(await as(org, "admin"), id);
    expect(res.status).toBe(204);
    expect(await prisma.membership.findUnique({ where: { id } })).toBeNull();
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).not.toBeNull();

    const [entry] = await auditOf(org, "member.remove");
    expect(entry).toMatchObject({ actorUserId: org.users.admin.id, targetId: id });
    expect(entry!.paramsPreview).toContain(key.id);
    expect(entry!.paramsPreview).toContain('"self":false');

    // Invited again later, the person does not get their old keys back.
    await prisma.membership.create({ data: { id: newId("membership"), orgId: org.orgId, userId: org.users.member.id, role: "MEMBER" } });
    const { GET: listAgain } = await import("./route");
    expect((await listAgain(apiRequest("GET", "/api/v1/members", { token: key.token }))).status).toBe(401);
  });

  it("lets an admin leave, but not remove an owner; refuses members and viewers", async () => {
    const org = await createTestOrg();
    const admin = await as(org, "admin");
    const owner = await membershipId(org, "owner");
    expect((await removeMember(admin, owner)).status).toBe(403);
    expect(await roleOf(owner)).toBe("OWNER");

    const viewer = await membershipId(org, "viewer");
    expect((await removeMember(await as(org, "member"), viewer)).status).toBe(403);
    expect(await roleOf(viewer)).toBe("VIEWER");

    const self = await membershipId(org, "admin");
    expect((await removeMember(admin, self)).status).toBe(204);
    expect(await roleOf(self)).toBeUndefined();
  });

  it("answers 404 for another organization's member and removes nothing there", async () => {
    const [org, other] = await Promise.all([createTestOrg(), createTestOrg()]);
    const foreign = await membershipId(other, "viewer");
    expect((await removeMember(await as(org, "owner"), foreign)).status).toBe(404);
    expect(await roleOf(foreign)).toBe("VIEWER");
  });

  it("never removes the last owner, even when two owners remove each other at once", async () => {
    const org = await createTestOrg();
    const self = await membershipId(org, "owner");
    expect((await removeMember(await as(org, "owner"), self)).status).toBe(409);

    for (let round = 0; round < 6; round++) {
      const raced = await createTestOrg(`Remove race ${round}`);
      const first = { cookie: await as(raced, "owner"), membershipId: await membershipId(raced, "owner") };
      const second = await addOwner(raced);
      const [a, b] = await Promise.all([removeMember(first.cookie, second.membershipId), removeMember(second.cookie, first.membershipId)]);
      const statuses = [a.status, b.status].sort();
      expect(statuses[0]).toBe(204);
      // Refused as the last owner, or as someone who is no longer a member at all.
      expect([403, 409]).toContain(statuses[1]);
      expect(await prisma.membership.count({ where: { orgId: raced.orgId, role: "OWNER" } })).toBe(1);
    }
  });

  it("keeps at least one owner when a demotion and a removal race", async () => {
    for (let round = 0; round < 6; round++) {
      const org = await createTestOrg(`Mixed race ${round}`);
      const first = { cookie: await as(org, "owner"), membershipId: await membershipId(org, "owner") };
      const second = await addOwner(org);
      const results = await Promise.all([
        removeMember(first.cookie, second.membershipId),
        changeRole(second.cookie, second.membershipId, { role: "viewer" }),
        changeRole(second.cookie, first.membershipId, { role: "viewer" }),
      ]);
      expect(results.filter((r) => r.status >= 400).length).toBeGreaterThanOrEqual(1);
      expect(await prisma.membership.count({ where: { orgId: org.orgId, role: "OWNER" } })).toBe(1);
    }
  });
});

describe("the caller's own authority", () => {
  it("is read again under the lock, so an owner demoted since authentication no longer acts as one", async () => {
    const org = await createTestOrg();
    // The context authenticate() built while the caller was still an owner.
    const stale: ServiceContext = {
      orgId: org.orgId,
      actor: { type: "user", userId: org.users.owner.id },
      role: "owner",
      scopes: scopesForRole("owner"),
      isPlatformAdmin: false,
      requestId: "req_stale",
      ip: null,
      userAgent: null,
    };
    await addOwner(org);
    await prisma.membership.update({ where: { id: await membershipId(org, "owner") }, data: { role: "ADMIN" } });

    const member = await membershipId(org, "member");
    await expect(updateMemberRole(stale, member, { role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await roleOf(member)).toBe("MEMBER");
  });
});
