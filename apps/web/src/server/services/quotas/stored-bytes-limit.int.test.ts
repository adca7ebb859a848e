import { newId, prisma } from "@bulwark/db";
import { createTestOrg } from "@bulwark/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { effectiveLimits, storedBytesLimit } from "./effective-limits";

// Ingest reads the stored_bytes limit through its own lean query; it must resolve exactly as
// effectiveLimits does at every level of the precedence. (No other test writes the TEAM tier row.)
describe("storedBytesLimit", () => {
  afterEach(async () => {
    await prisma.quotaPolicy.deleteMany({ where: { tier: "TEAM" } });
  });

  it("agrees with effectiveLimits: default, tier row, override, unlimited tier, unknown org", async () => {
    const org = await createTestOrg("Stored bytes limit");
    const agree = async (expected: number | null) => {
      expect((await effectiveLimits(org.orgId)).limits.stored_bytes).toBe(expected);
      expect(await storedBytesLimit(org.orgId)).toBe(expected);
    };

    await prisma.organization.update({ where: { id: org.orgId }, data: { tier: "TEAM" } });
    await agree(100 * 1024 ** 3);

    await prisma.quotaPolicy.create({ data: { id: newId("quota"), tier: "TEAM", storedBytes: 5_000n } });
    await agree(5_000);

    await prisma.quotaPolicy.create({ data: { id: newId("quota"), orgId: org.orgId, storedBytes: 7_000n } });
    await agree(7_000);

    await prisma.quotaPolicy.deleteMany({ where: { orgId: org.orgId } });
    await prisma.organization.update({ where: { id: org.orgId }, data: { tier: "ENTERPRISE" } });
    await agree(null);

    await expect(storedBytesLimit("org_does_not_exist")).rejects.toMatchObject({ code: "not_found" });
  });
});
