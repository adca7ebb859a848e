import { prisma } from "@bulwark/db";
import { createTestOrg } from "@bulwark/db/testing";
import { describe, expect, it } from "vitest";
import { POST as createProjectRoute } from "@/app/api/v1/projects/route";
import { apiRequest, createTestApiKey } from "@/testing/credentials";
import { GET as listRoute } from "./route";
import { GET as verifyRoute } from "./verify/route";

async function tamper(sql: (tx: typeof prisma) => Promise<unknown>) {
  // The append-only trigger stands between the app and its audit rows; an attacker with
  // superuser access switches triggers off for the transaction, which is what we simulate.
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await sql(tx as typeof prisma);
  });
}

async function seed() {
  const org = await createTestOrg("Audit");
  const { token } = await createTestApiKey(org, "owner");
  for (const name of ["alpha", "beta", "gamma", "delta"]) {
    const res = await createProjectRoute(apiRequest("POST", "/api/v1/projects", { token, body: { name, environment: "sandbox" } }));
    expect(res.status).toBe(201);
  }
  return { org, token };
}

async function verify(token: string) {
  const res = await verifyRoute(apiRequest("GET", "/api/v1/audit-logs/verify", { token }));
  expect(res.status).toBe(200);
  return (await res.json()) as { ok: boolean; brokenAtSeq?: string; reason?: string; headSeq?: string };
}

describe("audit log API", () => {
  it("records each mutation with actor, target, request facts and redacted parameters", async () => {
    const { org, token } = await seed();
    const res = await listRoute(apiRequest("GET", "/api/v1/audit-logs?action=project.", { token, headers: { "user-agent": "audit-test", "x-forwarded-for": "192.0.2.44" } }));
    expect(res.status).toBe(200);
    const page = (await res.json()) as { data: { seq: string; action: string; actor: { type: string }; target: { type: string }; paramsPreview: string }[] };
    expect(page.data.map((e) => e.seq)).toEqual(["4", "3", "2", "1"]);
    expect(page.data.every((e) => e.action === "project.create" && e.actor.type === "api_key" && e.target.type === "project")).toBe(true);
    expect(page.data[0]!.paramsPreview).toContain("delta");
    const rows = await prisma.auditLogEntry.findMany({ where: { orgId: org.orgId } });
    expect(JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(token);
  });

  it("filters by action, actor and time, and pages by sequence", async () => {
    const { org, token } = await seed();
    const firstPage = (await (await listRoute(apiRequest("GET", "/api/v1/audit-logs?limit=3", { token }))).json()) as { data: { seq: string }[]; nextCursor: string };
    expect(firstPage.data.map((e) => e.seq)).toEqual(["4", "3", "2"]);
    const secondPage = (await (await listRoute(apiRequest("GET", `/api/v1/audit-logs?limit=3&cursor=${firstPage.nextCursor}`, { token }))).json()) as { data: { seq: string }[]; nextCursor: string | null };
    expect(secondPage.data.map((e) => e.seq)).toEqual(["1"]);
    expect(secondPage.nextCursor).toBeNull();

    const none = (await (await listRoute(apiRequest("GET", `/api/v1/audit-logs?actorId=${org.users.viewer.id}`, { token }))).json()) as { data: unknown[] };
    expect(none.data).toEqual([]);
    const future = new Date(Date.now() + 60_000).toISOString();
    const later = (await (await listRoute(apiRequest("GET", `/api/v1/audit-logs?from=${future}`, { token }))).json()) as { data: unknown[] };
    expect(later.data).toEqual([]);
  });

  it("never shows another organization's entries", async () => {
    await seed();
    const other = await createTestOrg("Other");
    const { token } = await createTestApiKey(other, "owner");
    const res = await listRoute(apiRequest("GET", "/api/v1/audit-logs", { token }));
    expect(((await res.json()) as { data: unknown[] }).data).toEqual([]);
  });

  it("verifies an untouched chain", async () => {
    const { token } = await seed();
    expect(await verify(token)).toMatchObject({ ok: true, headSeq: "4" });
  });

  it.each([
    ["an edited entry", (orgId: string) => tamper((tx) => tx.$executeRaw`UPDATE audit_log_entries SET action = 'project.delete' WHERE org_id = ${orgId} AND seq = 2`), "2"],
    ["a deleted entry", (orgId: string) => tamper((tx) => tx.$executeRaw`DELETE FROM audit_log_entries WHERE org_id = ${orgId} AND seq = 2`), "2"],
    [
      "reordered entries",
      (orgId: string) =>
        tamper(async (tx) => {
          await tx.$executeRaw`UPDATE audit_log_entries SET seq = 100 WHERE org_id = ${orgId} AND seq = 2`;
          await tx.$executeRaw`UPDATE audit_log_entries SET seq = 2 WHERE org_id = ${orgId} AND seq = 3`;
          await tx.$executeRaw`UPDATE audit_log_entries SET seq = 3 WHERE org_id = ${orgId} AND seq = 100`;
        }),
      "2",
    ],
    [
      "an inserted entry",
      (orgId: string) =>
        tamper(async (tx) => {
          // Two steps: the (org, seq) unique index is checked row by row.
          await tx.$executeRaw`UPDATE audit_log_entries SET seq = seq + 1000 WHERE org_id = ${orgId} AND seq >= 3`;
          await tx.$executeRaw`UPDATE audit_log_entries SET seq = seq - 999 WHERE org_id = ${orgId} AND seq >= 1000`;
          await tx.$executeRaw`INSERT INTO audit_log_entries (id, org_id, seq, actor_type, action, prev_hash, hash, created_at)
            SELECT 'aud_forged' || substr(md5(random()::text), 1, 16), org_id, 3, 'SYSTEM', 'project.delete', hash, md5('forged') || md5('x'), now()
            FROM audit_log_entries WHERE org_id = ${orgId} AND seq = 2`;
        }),
      "3",
    ],
  ])("reports %s with the first broken sequence number", async (_, attack, brokenAt) => {
    const { org, token } = await seed();
    await attack(org.orgId);
    expect(await verify(token)).toMatchObject({ ok: false, brokenAtSeq: brokenAt });
  });
});
