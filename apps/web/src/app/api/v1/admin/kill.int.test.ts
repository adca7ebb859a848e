import { newId, prisma, type RunStatus } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, createSessionCookie, createTestApiKey, routeParams } from "@/testing/credentials";
import { GET as listAborts } from "../runs/[id]/aborts/route";
import { POST as killOrg } from "./organizations/[id]/kill/route";
import { POST as killProject } from "./projects/[id]/kill/route";
import { POST as killRun } from "./runs/[id]/kill/route";

// The kill switch in-process against real PostgreSQL. Generated checks (route-checks.int.test.ts)
// prove these routes refuse anonymous callers and API keys; the worker side (a running run stops
// within a second on whichever worker holds it) is proven in tests/kill-switch.int.test.ts.

let admin: { id: string; cookie: string };
let org: TestOrg;

beforeAll(async () => {
  const id = newId("user");
  await prisma.user.create({ data: { id, email: `kill-admin.${id}@example.test`, isPlatformAdmin: true } });
  admin = { id, cookie: await createSessionCookie(id) };
  org = await createTestOrg("Kill switch");
});

async function project(of: TestOrg = org) {
  return (await prisma.project.create({ data: { id: newId("project"), orgId: of.orgId, name: "Killable", environment: "SANDBOX" } })).id;
}

async function run(projectId: string, status: RunStatus, of: TestOrg = org) {
  const running = status === "RUNNING" ? { workerId: "some-worker", heartbeatAt: new Date(), startedAt: new Date() } : {};
  const finished = ["COMPLETED", "CANCELED", "STOPPED", "FAILED"].includes(status) ? { finishedAt: new Date() } : {};
  return (await prisma.run.create({ data: { id: newId("run"), orgId: of.orgId, projectId, selection: {}, plan: [], status, ...running, ...finished } })).id;
}

type Kill = typeof killRun;
const kill = (handler: Kill, kind: string, id: string, cookie = admin.cookie) => handler(apiRequest("POST", `/api/v1/admin/${kind}/${id}/kill`, { cookie }), routeParams({ id }));

async function killedIds(res: Response) {
  expect(res.status, await res.clone().text()).toBe(202);
  return ((await res.json()) as { data: { id: string; status: string; stopReason: string }[] }).data;
}

describe("admin kill", () => {
  it("kills a run: queued at once, running by stop request, with a run abort by the admin, audited in the run's org, readable by the org", async () => {
    const p = await project();
    const queued = await run(p, "QUEUED");
    const running = await run(p, "RUNNING");

    const body = await killedIds(await kill(killRun, "runs", queued));
    expect(body).toEqual([expect.objectContaining({ id: queued, status: "stopped", stopReason: "admin_kill" })]);
    expect(await prisma.run.findUniqueOrThrow({ where: { id: queued } })).toMatchObject({ status: "STOPPED", stopReason: "ADMIN_KILL" });

    expect(await killedIds(await kill(killRun, "runs", running))).toEqual([expect.objectContaining({ id: running, status: "running", stopReason: "admin_kill" })]);
    const stopping = await prisma.run.findUniqueOrThrow({ where: { id: running } });
    expect(stopping).toMatchObject({ status: "RUNNING", stopReason: "ADMIN_KILL" });
    expect(stopping.stopRequestedAt).not.toBeNull();

    // Killing again changes nothing and logs nothing.
    expect(await killedIds(await kill(killRun, "runs", queued))).toEqual([]);
    expect(await prisma.runAbort.count({ where: { runId: queued } })).toBe(1);

    const abort = await prisma.runAbort.findFirstOrThrow({ where: { runId: running } });
    expect(abort).toMatchObject({ orgId: org.orgId, reason: "ADMIN_KILL", actorType: "USER", actorId: admin.id, detail: { scope: "run", targetId: running } });
    const audit = await prisma.auditLogEntry.findMany({ where: { orgId: org.orgId, action: "run.admin_kill", targetId: { in: [queued, running] } } });
    expect(audit).toHaveLength(2);
    expect(audit.every((entry) => entry.actorUserId === admin.id)).toBe(true);

    const key = await createTestApiKey(org, "viewer");
    const res = await listAborts(apiRequest("GET", `/api/v1/runs/${running}/aborts`, { token: key.token }), routeParams({ id: running }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: [{ id: abort.id, reason: "admin_kill", actor: { type: "user", id: admin.id }, detail: { scope: "run", targetId: running }, createdAt: abort.createdAt.toISOString() }],
    });
  });

  it("kills every queued and running run of a project, and only those", async () => {
    const p = await project();
    const other = await project();
    const [queued, running, done, elsewhere] = [await run(p, "QUEUED"), await run(p, "RUNNING"), await run(p, "COMPLETED"), await run(other, "QUEUED")];
    const body = await killedIds(await kill(killProject, "projects", p));
    expect(body.map((r) => r.id).sort()).toEqual([queued, running].sort());
    expect((await prisma.run.findUniqueOrThrow({ where: { id: queued } })).status).toBe("STOPPED");
    expect((await prisma.run.findUniqueOrThrow({ where: { id: done } })).stopReason).toBeNull();
    expect((await prisma.run.findUniqueOrThrow({ where: { id: elsewhere } })).status).toBe("QUEUED");
    expect(await prisma.runAbort.count({ where: { runId: { in: [queued, running] }, reason: "ADMIN_KILL", actorId: admin.id } })).toBe(2);
    expect(await prisma.auditLogEntry.count({ where: { orgId: org.orgId, action: "run.admin_kill", targetId: { in: [queued, running] } } })).toBe(2);
    expect((await kill(killProject, "projects", newId("project"))).status).toBe(404);
  });

  it("kills every run of an organization across its projects, leaving other organizations alone", async () => {
    const target = await createTestOrg("Killed org");
    const bystander = await createTestOrg("Bystander org");
    const [p1, p2] = [await project(target), await project(target)];
    const ids = [await run(p1, "QUEUED", target), await run(p1, "RUNNING", target), await run(p2, "QUEUED", target)];
    const untouched = await run(await project(bystander), "QUEUED", bystander);
    const body = await killedIds(await kill(killOrg, "organizations", target.orgId));
    expect(body.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(await prisma.run.count({ where: { orgId: target.orgId, status: "STOPPED", stopReason: "ADMIN_KILL" } })).toBe(2);
    expect((await prisma.run.findUniqueOrThrow({ where: { id: untouched } })).status).toBe("QUEUED");
    expect(await prisma.auditLogEntry.count({ where: { orgId: target.orgId, action: "run.admin_kill" } })).toBe(3);
    expect((await kill(killOrg, "organizations", newId("org"))).status).toBe(404);
  });

  it("refuses an organization owner who is not a platform admin (403) and leaves their runs alone", async () => {
    const p = await project();
    const queued = await run(p, "QUEUED");
    const owner = await createSessionCookie(org.users.owner.id, org.orgId);
    expect((await kill(killRun, "runs", queued, owner)).status).toBe(403);
    expect((await kill(killProject, "projects", p, owner)).status).toBe(403);
    expect((await kill(killOrg, "organizations", org.orgId, owner)).status).toBe(403);
    expect((await prisma.run.findUniqueOrThrow({ where: { id: queued } })).status).toBe("QUEUED");
    expect(await prisma.runAbort.count({ where: { runId: queued } })).toBe(0);
  });
});
