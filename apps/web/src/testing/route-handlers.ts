import { randomBytes } from "node:crypto";
import path from "node:path";
import type { AnyOperation } from "@bulwark/contracts";
import { newId, prisma } from "@bulwark/db";
import type { TestOrg } from "@bulwark/db/testing";
import { builtInScenarios, validateCustomScenario } from "@bulwark/redteam";
import { createTestApiKey } from "./credentials";

type Handler = (req: Request, ctx?: { params?: Promise<Record<string, string>> }) => Promise<Response> | Response;

const APP_DIR = path.join(import.meta.dirname, "..", "app");

/** The exported handler that serves `op`, found from its path the way Next routes it. */
export async function handlerFor(op: AnyOperation): Promise<Handler> {
  const dir = op.path.replace(/^\//, "").replace(/\{(\w+)\}/g, "[$1]");
  const mod = (await import(path.join(APP_DIR, dir, "route.ts"))) as Record<string, Handler | undefined>;
  const handler = mod[op.method];
  if (!handler) throw new Error(`${op.path} has no ${op.method} handler`);
  return handler;
}

/**
 * Makes a resource of `org` for each kind of path id, so generated checks can aim at real rows.
 * An operation on a new kind of resource fails those checks until it gets a fixture here.
 */
const FIXTURES: Record<string, (org: TestOrg, parentId?: string) => Promise<string>> = {
  // With an agent connector, so a run can be started on it (the agent is never called here).
  projects: async (org) =>
    (
      await prisma.project.create({
        data: { id: newId("project"), orgId: org.orgId, name: "Fixture project", environment: "SANDBOX", connector: { url: "http://127.0.0.1:9/chat" } },
      })
    ).id,
  runs: async (org) => {
    const project = await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "Fixture run project", environment: "SANDBOX" } });
    return (await prisma.run.create({ data: { id: newId("run"), orgId: org.orgId, projectId: project.id, selection: {}, plan: [] } })).id;
  },
  findings: async (org) => {
    const project = await prisma.project.create({ data: { id: newId("project"), orgId: org.orgId, name: "Fixture finding project", environment: "SANDBOX" } });
    const run = await prisma.run.create({ data: { id: newId("run"), orgId: org.orgId, projectId: project.id, selection: {}, plan: [] } });
    const finding = await prisma.finding.create({
      data: {
        id: newId("finding"), orgId: org.orgId, projectId: project.id, runId: run.id, fingerprint: randomBytes(32).toString("hex"),
        scenarioKey: "secret_leakage.environment-dump", scenarioVersion: 1, category: "secret_leakage", severity: "CRITICAL",
        confidence: 0.9, riskScore: 9.1, title: "Fixture finding", summary: "Leaked a credential (direct phrasing)",
      },
    });
    return finding.id;
  },
  // Path ids are keys here: a valid custom scenario (a built-in under a new key) in the category
  // of the scenario operations' example bodies, so their PUT example fits it.
  scenarios: async (org) => {
    const builtIn = builtInScenarios().find((scenario) => scenario.category === "system_prompt_leakage")!;
    const checked = validateCustomScenario({ ...builtIn, key: `system_prompt_leakage.fixture-${randomBytes(6).toString("hex")}`, title: "Fixture custom scenario" });
    if (!checked.ok) throw new Error(`fixture scenario is invalid: ${JSON.stringify(checked.issues)}`);
    const { key, version } = checked.scenario;
    await prisma.customScenario.create({ data: { id: newId("scenario"), orgId: org.orgId, scenarioKey: key, version, definition: checked.scenario, createdById: org.users.owner.id } });
    return key;
  },
  "api-keys": async (org) => (await createTestApiKey(org, "admin")).id,
  // A member below admin, so that owners and admins may both change and remove them.
  members: async (org) => {
    const userId = newId("user");
    await prisma.user.create({ data: { id: userId, email: `fixture.${userId}@example.test` } });
    return (await prisma.membership.create({ data: { id: newId("membership"), orgId: org.orgId, userId, role: "MEMBER" } })).id;
  },
  invitations: async (org) =>
    (
      await prisma.invitation.create({
        data: {
          id: newId("invitation"),
          orgId: org.orgId,
          email: `invitee.${newId("user")}@example.test`,
          role: "MEMBER",
          tokenHash: randomBytes(32).toString("hex"),
          expiresAt: new Date(Date.now() + 86_400_000),
          invitedById: org.users.owner.id,
        },
      })
    ).id,
  organizations: async (org) => org.orgId,
  // Nested under a project: `parentId` is the project fixture of the same path.
  "sidecar-tokens": async (org, projectId) =>
    (
      await prisma.sidecarToken.create({
        data: { id: newId("sidecarToken"), orgId: org.orgId, projectId: projectId!, name: "Fixture token", prefix: `bws_${randomBytes(5).toString("hex")}`, hash: randomBytes(32).toString("hex") },
      })
    ).id,
  // Platform-wide, not per organization: any entry will do.
  allowlist: async () =>
    (await prisma.allowlistEntry.create({ data: { id: newId("allowlist"), kind: "EMAIL", value: `fixture.${newId("user")}@example.test` } })).id,
};

/** Path parameters for `op` that name real resources of `org`. */
export async function paramsFor(op: AnyOperation, org: TestOrg): Promise<Record<string, string>> {
  // Each `/{kind}/{param}` pair in order; a nested resource's fixture gets its parent's id.
  const params: Record<string, string> = {};
  let parentId: string | undefined;
  for (const [, kind, name] of op.path.matchAll(/\/([\w-]+)\/\{(\w+)\}/g)) {
    const fixture = FIXTURES[kind!];
    if (!fixture) throw new Error(`No fixture for "${kind}" resources: add one to testing/route-handlers.ts`);
    parentId = params[name!] = await fixture(org, parentId);
  }
  return params;
}

/** The concrete URL path of `op` with its parameters filled in. */
export function urlFor(op: AnyOperation, params: Record<string, string>): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "missing");
}
