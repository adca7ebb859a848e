import { prisma } from "@bulwark/db";
import { createTestOrg } from "@bulwark/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, createTestApiKey, routeParams } from "@/testing/credentials";
import { PATCH } from "./[id]/route";
import { POST } from "./route";

type Json = Record<string, any>;
let token: string;
let orgId: string;
beforeAll(async () => {
  const org = await createTestOrg("Project prod override");
  orgId = org.orgId;
  token = (await createTestApiKey(org, "owner")).token;
});

const create = async (environment: string) => ((await (await POST(apiRequest("POST", "/api/v1/projects", { token, body: { name: "p", environment } }))).json()) as Json).id as string;
const patch = (id: string, body: unknown) => PATCH(apiRequest("PATCH", `/api/v1/projects/${id}`, { token, body }), routeParams({ id }));
const OVERRIDE = { confirm: true, reason: "Release sign-off by the security lead" };

describe("changing a project's environment across prod", () => {
  it("refuses to leave or enter prod without a confirmed reason, and audits the override", async () => {
    const prod = await create("prod");
    // Leaving prod would silently drop the run guardrail: refused without the override.
    const refused = await patch(prod, { environment: "sandbox" });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Json).error.details.reason).toBe("prod_override_required");
    expect((await prisma.project.findUniqueOrThrow({ where: { id: prod } })).environment).toBe("PROD");

    const short = await patch(prod, { environment: "sandbox", prodOverride: { confirm: true, reason: "short" } });
    expect(short.status).toBe(422);
    expect(((await short.json()) as Json).error.details.fields[0].path).toBe("prodOverride.reason");

    const moved = await patch(prod, { environment: "sandbox", prodOverride: OVERRIDE });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as Json).environment).toBe("sandbox");
    const audit = await prisma.auditLogEntry.findFirst({ where: { orgId, targetId: prod, action: "project.update.prod_override" } });
    expect(audit).not.toBeNull();

    const staging = await create("staging");
    expect((await patch(staging, { environment: "prod" })).status).toBe(409);
    expect((await patch(staging, { environment: "prod", prodOverride: OVERRIDE })).status).toBe(200);
  });

  it("needs no override for other changes, and an override alone changes nothing", async () => {
    const prod = await create("prod");
    expect((await patch(prod, { retentionDays: 14, environment: "prod" })).status).toBe(200);
    const sandbox = await create("sandbox");
    expect((await patch(sandbox, { environment: "staging" })).status).toBe(200);
    expect((await patch(sandbox, { prodOverride: OVERRIDE })).status).toBe(422);
  });
});
