import { prisma } from "@bulwark/db";
import { recordUsage } from "@bulwark/jobs";
import type { RetentionTally } from "./retention-tally";

/**
 * Records what retention freed as negative STORED_BYTES usage, one entry per project, through
 * the usage ledger's own writer (events and daily rollup in one statement, so they agree).
 */
export async function recordFreedStorage(tally: RetentionTally, at: Date): Promise<void> {
  for (const entry of tally.freed.values()) {
    if (entry.bytes <= 0n) continue;
    await recordUsage((text, values) => prisma.$executeRawUnsafe(text, ...values), {
      orgId: entry.orgId,
      projectId: entry.projectId,
      at,
      storedBytes: -entry.bytes,
    });
  }
}
