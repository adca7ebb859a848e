import { prisma } from "../client";
import { newId } from "../ids";

export type TestRole = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";

export interface TestOrg {
  orgId: string;
  /** One user per role, each a member of this org only. */
  users: Record<"owner" | "admin" | "member" | "viewer", { id: string; email: string }>;
}

/**
 * A fresh organization with one member per role. Every integration test makes its own, so test
 * files share one database and still run in parallel without seeing each other's rows.
 * Test orgs are ENTERPRISE unless asked otherwise, so tests about something else never meet the
 * small FREE quotas; quota tests pick their tier (or set overrides) themselves.
 */
export async function createTestOrg(name = "Test org", { tier = "ENTERPRISE" }: { tier?: "FREE" | "ALPHA" | "TEAM" | "ENTERPRISE" } = {}): Promise<TestOrg> {
  const orgId = newId("org");
  const roles = ["owner", "admin", "member", "viewer"] as const;
  const users = Object.fromEntries(
    roles.map((role) => {
      const id = newId("user");
      return [role, { id, email: `${role}.${id}@example.test` }];
    }),
  ) as TestOrg["users"];

  await prisma.$transaction([
    prisma.organization.create({ data: { id: orgId, name, slug: orgId.replace("_", "-"), tier } }),
    prisma.user.createMany({ data: roles.map((role) => ({ id: users[role].id, email: users[role].email, name: `${role} of ${name}` })) }),
    prisma.membership.createMany({
      data: roles.map((role) => ({ id: newId("membership"), orgId, userId: users[role].id, role: role.toUpperCase() as TestRole })),
    }),
  ]);
  return { orgId, users };
}
