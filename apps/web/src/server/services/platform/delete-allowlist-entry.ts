import "server-only";
import { notFound } from "@bulwark/contracts";
import type { UserContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { assertPlatformAdmin } from "./assert-platform-admin";
import { recordPlatformAudit } from "./record-platform-audit";

/** Stops new sign-ups through the entry; accounts it admitted stay. */
export async function deleteAllowlistEntry(ctx: UserContext, entryId: string, { tx }: { tx?: Tx } = {}): Promise<void> {
  assertPlatformAdmin(ctx);
  await inTransaction(tx, async (tx) => {
    const entry = await tx.allowlistEntry.findUnique({ where: { id: entryId } });
    if (!entry) throw notFound("allowlist entry");
    // A concurrent delete of the same entry makes this one fail with P2025, answered as 404.
    await tx.allowlistEntry.delete({ where: { id: entryId } });
    await recordPlatformAudit(tx, ctx, "allowlist_entry.delete", { type: "allowlist_entry", id: entry.id }, { kind: entry.kind.toLowerCase(), value: entry.value });
  });
}
