import { newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, createSessionCookie, routeParams } from "@/testing/credentials";
import { DELETE as deleteEntry } from "./allowlist/[id]/route";
import { GET as listEntries, POST as createEntry } from "./allowlist/route";
import { PATCH as patchOrg } from "./organizations/[id]/route";
import { GET as listOrgs } from "./organizations/route";

// Generated checks (route-checks.int.test.ts) prove these routes refuse anonymous callers, API
// keys, non-admins and cross-site requests. This file proves they work for an administrator.

let admin: { id: string; cookie: string };
let org: TestOrg;

beforeAll(async () => {
  const id = newId("user");
  await prisma.user.create({ data: { id, email: `platform-admin.${id}@example.test`, isPlatformAdmin: true } });
  admin = { id, cookie: await createSessionCookie(id) };
  org = await createTestOrg("Tiered org", { tier: "FREE" });
});

const unique = () => newId("user").slice(4, 16);

interface Entry {
  id: string;
  kind: "email" | "domain";
  value: string;
  note: string | null;
  createdBy: { id: string } | null;
}

describe("allowlist", () => {
  it("adds addresses and domains (normalised), lists them, refuses duplicates and junk, and removes them", async () => {
    const since = new Date();
    const domain = `partner-${unique()}.example`;
    const post = (body: unknown) => createEntry(apiRequest("POST", "/api/v1/admin/allowlist", { cookie: admin.cookie, body }));

    const byDomain = await post({ value: ` @${domain.toUpperCase()} `, note: "Design partner" });
    expect(byDomain.status).toBe(201);
    const domainEntry = (await byDomain.json()) as Entry;
    expect(domainEntry).toMatchObject({ kind: "domain", value: domain, note: "Design partner", createdBy: { id: admin.id } });

    const address = `ada.${unique()}@example.test`;
    const byEmail = (await (await post({ value: address })).json()) as Entry;
    expect(byEmail).toMatchObject({ kind: "email", value: address, note: null });

    expect((await post({ value: domain })).status).toBe(409);
    for (const junk of ["not a domain", "ada@", "@", "localhost", "a".repeat(300)]) expect((await post({ value: junk })).status, junk).toBe(422);

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listEntries(apiRequest("GET", `/api/v1/admin/allowlist?limit=100${cursor ? `&cursor=${cursor}` : ""}`, { cookie: admin.cookie }));
      expect(page.status).toBe(200);
      const body = (await page.json()) as { data: Entry[]; nextCursor: string | null };
      ids.push(...body.data.map((e) => e.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(ids).toEqual(expect.arrayContaining([domainEntry.id, byEmail.id]));

    const remove = (id: string) => deleteEntry(apiRequest("DELETE", `/api/v1/admin/allowlist/${id}`, { cookie: admin.cookie }), routeParams({ id }));
    expect((await remove(domainEntry.id)).status).toBe(204);
    expect((await remove(domainEntry.id)).status).toBe(404);
    expect(await prisma.allowlistEntry.findUnique({ where: { id: domainEntry.id } })).toBeNull();

    const audit = await prisma.auditLogEntry.findMany({ where: { orgId: null, actorUserId: admin.id, createdAt: { gte: since } }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["allowlist_entry.create", "allowlist_entry.create", "allowlist_entry.delete"]);
  });
});

describe("organizations", () => {
  it("lists every organization with its tier and member count", async () => {
    const seen = new Map<string, { tier: string; memberCount: number; name: string }>();
    let cursor: string | null = null;
    do {
      const res = await listOrgs(apiRequest("GET", `/api/v1/admin/organizations?limit=100${cursor ? `&cursor=${cursor}` : ""}`, { cookie: admin.cookie }));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: { id: string; tier: string; memberCount: number; name: string }[]; nextCursor: string | null };
      for (const item of body.data) seen.set(item.id, item);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.get(org.orgId)).toMatchObject({ name: "Tiered org", tier: "free", memberCount: 4 });
  });

  it("sets a tier, audited in the organization's own chain", async () => {
    const patch = (id: string, body: unknown) =>
      patchOrg(apiRequest("PATCH", `/api/v1/admin/organizations/${id}`, { cookie: admin.cookie, body }), routeParams({ id }));
    const res = await patch(org.orgId, { tier: "enterprise" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: org.orgId, tier: "enterprise", memberCount: 4 });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.orgId } })).tier).toBe("ENTERPRISE");

    const audit = await prisma.auditLogEntry.findFirstOrThrow({ where: { orgId: org.orgId, action: "org.tier_update" } });
    expect(audit).toMatchObject({ actorType: "USER", actorUserId: admin.id, targetId: org.orgId });
    expect(audit.paramsPreview).toContain('"to":"enterprise"');

    expect((await patch(newId("org"), { tier: "team" })).status).toBe(404);
    expect((await patch(org.orgId, { tier: "platinum" })).status).toBe(422);
    expect((await patch(org.orgId, { tier: "team", name: "Renamed" })).status).toBe(422);
  });

  it("refuses a session of someone who is no longer a platform administrator", async () => {
    const id = newId("user");
    await prisma.user.create({ data: { id, email: `former-admin.${id}@example.test`, isPlatformAdmin: true } });
    const cookie = await createSessionCookie(id);
    await prisma.user.update({ where: { id }, data: { isPlatformAdmin: false } });
    const res = await patchOrg(apiRequest("PATCH", `/api/v1/admin/organizations/${org.orgId}`, { cookie, body: { tier: "free" } }), routeParams({ id: org.orgId }));
    expect(res.status).toBe(403);
  });
});
