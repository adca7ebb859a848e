import { createHash, randomBytes } from "node:crypto";
import { newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { describe, expect, it } from "vitest";
import { apiRequest, type ApiRequestOptions, createSessionCookie, createTestApiKey, routeParams } from "@/testing/credentials";
import { DELETE as revoke } from "./[id]/route";
import { POST as accept } from "./accept/route";
import { GET as list, POST as create } from "./route";

type Role = "owner" | "admin" | "member" | "viewer";
interface Created {
  id: string;
  email: string;
  role: Role;
  token: string;
  acceptUrl: string;
  expiresAt: string;
  invitedBy: { id: string } | null;
}

const as = (org: TestOrg, role: Role) => createSessionCookie(org.users[role].id, org.orgId);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
/** Every stored column of a row as text (audit rows carry a bigint sequence number). */
const dump = (row: unknown) => JSON.stringify(row, (_, value: unknown) => (typeof value === "bigint" ? value.toString() : value));

function invite(options: ApiRequestOptions) {
  return create(apiRequest("POST", "/api/v1/invitations", options));
}

async function inviteOk(org: TestOrg, body: { email: string; role: Role }, by: Role = "owner"): Promise<Created> {
  const res = await invite({ cookie: await as(org, by), body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Created;
}

type Person = Awaited<ReturnType<typeof newPerson>>;

function acceptAs(person: Person, token: string) {
  const headers = { "x-forwarded-for": person.ip };
  return accept(apiRequest("POST", "/api/v1/invitations/accept", { cookie: person.cookie, body: { token }, headers }));
}

function revokeAs(cookie: string, id: string) {
  return revoke(apiRequest("DELETE", `/api/v1/invitations/${id}`, { cookie }), routeParams({ id }));
}

/**
 * A signed-up person with no organization, as an invitee usually is, on an address of their
 * own: accepting is limited per address, and tests must not spend each other's allowance.
 */
async function newPerson() {
  const id = newId("user");
  const email = `invitee.${id}@example.test`;
  await prisma.user.create({ data: { id, email } });
  const ip = `10.${[...randomBytes(3)].join(".")}`;
  return { id, email, ip, cookie: await createSessionCookie(id) };
}

const auditOf = (orgId: string, action: string) => prisma.auditLogEntry.findMany({ where: { orgId, action }, orderBy: { seq: "asc" } });
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe("POST /api/v1/invitations", () => {
  it("returns the token once, stores only its SHA-256, and audits without it", async () => {
    const org = await createTestOrg();
    const created = await inviteOk(org, { email: "Dana.Scully@Example.com", role: "member" });
    expect(created).toMatchObject({ email: "dana.scully@example.com", role: "member", invitedBy: { id: org.users.owner.id } });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.acceptUrl).toBe(`http://localhost:3000/invitations/accept?token=${created.token}`);
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const row = await prisma.invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(sha256(created.token));
    expect(dump(row)).not.toContain(created.token);

    const [entry] = await auditOf(org.orgId, "invitation.create");
    expect(entry).toMatchObject({ actorUserId: org.users.owner.id, targetType: "invitation", targetId: created.id });
    expect(entry!.paramsPreview).toContain("dana.scully@example.com");
    expect(dump(entry)).not.toContain(created.token);
    expect(dump(entry)).not.toContain(row.tokenHash);
  });

  it("lets an admin invite up to admin but not an owner; members and viewers cannot invite", async () => {
    const org = await createTestOrg();
    await inviteOk(org, { email: "new.admin@example.com", role: "admin" }, "admin");
    const owner = await invite({ cookie: await as(org, "admin"), body: { email: "new.owner@example.com", role: "owner" } });
    expect(owner.status).toBe(403);
    for (const role of ["member", "viewer"] as const) {
      expect((await invite({ cookie: await as(org, role), body: { email: `by.${role}@example.com`, role: "viewer" } })).status).toBe(403);
    }
    const keyOfAdmin = await createTestApiKey(org, "admin");
    expect((await invite({ token: keyOfAdmin.token, body: { email: "key.owner@example.com", role: "owner" } })).status).toBe(403);
    expect(await prisma.invitation.findMany({ where: { orgId: org.orgId }, select: { email: true } })).toEqual([{ email: "new.admin@example.com" }]);
  });

  it("refuses bodies that set the organization, the token or anything else", async () => {
    const [org, other] = await Promise.all([createTestOrg(), createTestOrg()]);
    const cookie = await as(org, "owner");
    const bodies = [
      { email: "x@example.com", role: "member", orgId: other.orgId },
      { email: "x@example.com", role: "member", tokenHash: "0".repeat(64) },
      { email: "x@example.com", role: "member", expiresAt: "2099-01-01T00:00:00Z" },
      { email: "x@example.com", role: "superadmin" },
      { email: "not-an-email", role: "member" },
    ];
    for (const body of bodies) expect((await invite({ cookie, body })).status, JSON.stringify(body)).toBe(422);
    expect(await prisma.invitation.count({ where: { orgId: { in: [org.orgId, other.orgId] } } })).toBe(0);
  });

  it("re-inviting a pending address revokes the older invitation, so one link works", async () => {
    const org = await createTestOrg();
    const person = await newPerson();
    const first = await inviteOk(org, { email: person.email, role: "viewer" });
    const second = await inviteOk(org, { email: person.email.toUpperCase(), role: "member" });
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: first.id } })).revokedAt).not.toBeNull();

    const page = (await (await list(apiRequest("GET", "/api/v1/invitations", { cookie: await as(org, "admin") }))).json()) as { data: { id: string }[] };
    expect(page.data.map((i) => i.id)).toEqual([second.id]);
    expect((await auditOf(org.orgId, "invitation.revoke")).map((e) => e.targetId)).toEqual([first.id]);

    expect((await acceptAs(person, first.token)).status).toBe(410);
    expect((await acceptAs(person, second.token)).status).toBe(201);
  });

  it("keeps one pending invitation when the same address is invited concurrently", async () => {
    const org = await createTestOrg();
    const cookie = await as(org, "owner");
    const results = await Promise.all(Array.from({ length: 5 }, () => invite({ cookie, body: { email: "rush@example.com", role: "member" } })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const pending = await prisma.invitation.count({ where: { orgId: org.orgId, email: "rush@example.com", revokedAt: null } });
    expect(pending).toBe(1);
  });

  it("refuses to invite someone who is already a member", async () => {
    const org = await createTestOrg();
    const res = await invite({ cookie: await as(org, "owner"), body: { email: org.users.viewer.email.toUpperCase(), role: "admin" } });
    expect(res.status).toBe(409);
    expect(await prisma.invitation.count({ where: { orgId: org.orgId } })).toBe(0);
  });
});

describe("GET /api/v1/invitations", () => {
  it("lists only pending invitations of the caller's organization, never a token or hash", async () => {
    const [org, other] = await Promise.all([createTestOrg(), createTestOrg()]);
    const pending = await inviteOk(org, { email: "pending@example.com", role: "member" });
    const revoked = await inviteOk(org, { email: "revoked@example.com", role: "member" });
    await revokeAs(await as(org, "owner"), revoked.id);
    const expired = await inviteOk(org, { email: "expired@example.com", role: "member" });
    await prisma.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await inviteOk(other, { email: "pending@example.com", role: "member" });

    const res = await list(apiRequest("GET", "/api/v1/invitations", { cookie: await as(org, "admin") }));
    expect(res.status).toBe(200);
    const text = await res.text();
    const page = JSON.parse(text) as { data: Record<string, unknown>[]; nextCursor: null };
    expect(page.data.map((i) => i.id)).toEqual([pending.id]);
    expect(Object.keys(page.data[0]!).sort()).toEqual(["createdAt", "email", "expiresAt", "id", "invitedBy", "role"]);
    expect(text).not.toContain(pending.token);
  });
});

describe("DELETE /api/v1/invitations/{id}", () => {
  it("revokes at once and audits; revoking again changes nothing", async () => {
    const org = await createTestOrg();
    const person = await newPerson();
    const created = await inviteOk(org, { email: person.email, role: "member" });
    const admin = await as(org, "admin");
    expect((await revokeAs(admin, created.id)).status).toBe(204);
    expect((await revokeAs(admin, created.id)).status).toBe(204);
    expect((await auditOf(org.orgId, "invitation.revoke")).map((e) => [e.targetId, e.actorUserId])).toEqual([[created.id, org.users.admin.id]]);

    const res = await acceptAs(person, created.token);
    expect(res.status).toBe(410);
    expect(await prisma.membership.count({ where: { userId: person.id } })).toBe(0);
  });

  it("answers 404 for another organization's invitation and leaves it working", async () => {
    const [org, other] = await Promise.all([createTestOrg(), createTestOrg()]);
    const foreign = await inviteOk(other, { email: "theirs@example.com", role: "member" });
    expect((await revokeAs(await as(org, "owner"), foreign.id)).status).toBe(404);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: foreign.id } })).revokedAt).toBeNull();
  });

  it("does not let an admin revoke an owner's invitation, nor anyone revoke an accepted one", async () => {
    const org = await createTestOrg();
    const forOwner = await inviteOk(org, { email: "future.owner@example.com", role: "owner" });
    expect((await revokeAs(await as(org, "admin"), forOwner.id)).status).toBe(403);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: forOwner.id } })).revokedAt).toBeNull();

    const person = await newPerson();
    const accepted = await inviteOk(org, { email: person.email, role: "viewer" });
    expect((await acceptAs(person, accepted.token)).status).toBe(201);
    expect((await revokeAs(await as(org, "owner"), accepted.id)).status).toBe(409);
  });
});

describe("POST /api/v1/invitations/accept", () => {
  it("lets the invited person, with no organization yet, join with the invited role; audited in that org's chain", async () => {
    const org = await createTestOrg();
    const person = await newPerson();
    const created = await inviteOk(org, { email: person.email.toUpperCase(), role: "admin" });

    const res = await acceptAs(person, created.token);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { membershipId: string; organization: { id: string; role: string } };
    expect(body.organization).toMatchObject({ id: org.orgId, role: "admin" });
    const membership = await prisma.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: org.orgId, userId: person.id } } });
    expect(membership).toMatchObject({ id: body.membershipId, role: "ADMIN" });
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ acceptedById: person.id });

    const [entry] = await auditOf(org.orgId, "invitation.accept");
    expect(entry).toMatchObject({ actorType: "USER", actorUserId: person.id, targetId: created.id, ip: person.ip });
    expect(dump(entry)).not.toContain(created.token);
  });

  it("refuses a person whose email is not the invited one, and leaves the invitation usable", async () => {
    const org = await createTestOrg();
    const invited = await newPerson();
    const intruder = await newPerson();
    const created = await inviteOk(org, { email: invited.email, role: "member" });

    const res = await acceptAs(intruder, created.token);
    expect(res.status).toBe(403);
    const message = ((await res.clone().json()) as { error: { message: string } }).error.message;
    expect(message).not.toContain(invited.email);
    expect(await prisma.membership.count({ where: { userId: intruder.id } })).toBe(0);
    expect((await acceptAs(invited, created.token)).status).toBe(201);
  });

  it("refuses an expired invitation", async () => {
    const org = await createTestOrg();
    const person = await newPerson();
    const created = await inviteOk(org, { email: person.email, role: "member" });
    await prisma.invitation.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await acceptAs(person, created.token);
    expect(res.status).toBe(410);
    expect(await errorCode(res)).toBe("gone");
    expect(await prisma.membership.count({ where: { userId: person.id } })).toBe(0);
  });

  it("is single-use: after the member leaves, the same link does not bring them back", async () => {
    const org = await createTestOrg();
    const person = await newPerson();
    const created = await inviteOk(org, { email: person.email, role: "member" });
    expect((await acceptAs(person, created.token)).status).toBe(201);
    await prisma.membership.deleteMany({ where: { orgId: org.orgId, userId: person.id } });

    const again = await acceptAs(person, created.token);
    expect(again.status).toBe(410);
    expect(await prisma.membership.count({ where: { userId: person.id } })).toBe(0);
  });

  it("lets exactly one of ten concurrent accepts of one token through", async () => {
    const org = await createTestOrg();
    const person = await newPerson();
    const created = await inviteOk(org, { email: person.email, role: "member" });
    const results = await Promise.all(Array.from({ length: 10 }, () => acceptAs(person, created.token)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 410, 410, 410, 410, 410, 410, 410, 410, 410]);
    expect(await prisma.membership.count({ where: { orgId: org.orgId, userId: person.id } })).toBe(1);
    expect(await auditOf(org.orgId, "invitation.accept")).toHaveLength(1);
  });

  it("answers 409 to someone who became a member meanwhile, without using up the invitation", async () => {
    const org = await createTestOrg();
    const person = await newPerson();
    const created = await inviteOk(org, { email: person.email, role: "admin" });
    await prisma.membership.create({ data: { id: newId("membership"), orgId: org.orgId, userId: person.id, role: "VIEWER" } });
    const res = await acceptAs(person, created.token);
    expect(res.status).toBe(409);
    expect(await prisma.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: org.orgId, userId: person.id } } })).toMatchObject({ role: "VIEWER" });
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: created.id } })).acceptedAt).toBeNull();
  });

  it("is limited per address (auth.token policy), so tokens cannot be guessed at speed", async () => {
    const person = await newPerson();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await acceptAs(person, randomBytes(32).toString("base64url"))).status);
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("answers 404 to an unknown token and 422 to a malformed one", async () => {
    const person = await newPerson();
    expect((await acceptAs(person, "A".repeat(43))).status).toBe(404);
    expect((await acceptAs(person, "short")).status).toBe(422);
  });
});
