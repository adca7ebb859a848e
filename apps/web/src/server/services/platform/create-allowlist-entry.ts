import "server-only";
import { type AllowlistEntry, conflict, type CreateAllowlistEntryInput } from "@bulwark/contracts";
import { newId } from "@bulwark/db";
import type { UserContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { assertPlatformAdmin } from "./assert-platform-admin";
import { recordPlatformAudit } from "./record-platform-audit";
import { toAllowlistEntryDto } from "./to-allowlist-entry-dto";

/** Lists an address (`ada@example.com`) or a whole domain (`example.com`) as allowed to sign up. */
export async function createAllowlistEntry(ctx: UserContext, input: CreateAllowlistEntryInput, { tx }: { tx?: Tx } = {}): Promise<AllowlistEntry> {
  assertPlatformAdmin(ctx);
  const value = input.value.trim().toLowerCase().replace(/^@/, "");
  const kind = value.includes("@") ? "EMAIL" : "DOMAIN";
  return inTransaction(tx, async (tx) => {
    // ON CONFLICT DO NOTHING: a duplicate is a 409, not an aborted transaction.
    const { count } = await tx.allowlistEntry.createMany({
      data: [{ id: newId("allowlist"), kind, value, note: input.note ?? null, createdById: ctx.userId }],
      skipDuplicates: true,
    });
    if (count === 0) throw conflict("This value is already on the allowlist.");
    const entry = await tx.allowlistEntry.findUniqueOrThrow({ where: { value }, include: { createdBy: { select: { id: true, email: true } } } });
    await recordPlatformAudit(tx, ctx, "allowlist_entry.create", { type: "allowlist_entry", id: entry.id }, { kind: kind.toLowerCase(), value, note: input.note ?? null });
    return toAllowlistEntryDto(entry);
  });
}
