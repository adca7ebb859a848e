import "server-only";
import { DISMISSED_FINDING_STATUSES, type Finding, type FindingStatus as FindingStatusName, invalidInput, type UpdateFindingInput } from "@bulwark/contracts";
import type { FindingStatus } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { getFindingOrThrow } from "./get-finding-or-throw";
import { FINDING_INCLUDE, toFindingDto } from "./to-finding-dto";

/**
 * Holds the assignee's membership row until the triage commits, so removing that member either
 * waits and then unassigns them (remove-member.ts), or wins and the assignment is refused: a
 * finding is never left assigned to someone outside the org.
 */
async function lockAssigneeMembership(tx: Tx, orgId: string, userId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM memberships WHERE org_id = ${orgId} AND user_id = ${userId} FOR SHARE`;
  if (rows.length === 0) {
    throw invalidInput("body", [{ path: "assigneeId", code: "not_a_member", message: "must be a current member of this organization" }]);
  }
}

/**
 * Triages a finding: status, assignee, note, stamped with who and when, audited in the same
 * transaction. A FALSE_POSITIVE status is what the worker carries forward to later runs of the
 * project (record-finding.ts looks it up by project and fingerprint).
 */
export async function updateFinding(ctx: ServiceContext, findingId: string, input: UpdateFindingInput, { tx }: { tx?: Tx } = {}): Promise<Finding> {
  return inTransaction(tx, async (tx) => {
    // Locked until commit: a concurrent triage cannot dismiss the finding between this check and the update.
    await tx.$queryRaw`SELECT id FROM findings WHERE id = ${findingId} AND org_id = ${ctx.orgId} FOR UPDATE`;
    const before = await getFindingOrThrow(ctx, findingId, { tx });
    // The schema makes a dismissal carry its note; this keeps a dismissed finding from losing it.
    const status = input.status ?? (before.status.toLowerCase() as FindingStatusName);
    if (input.note === null && DISMISSED_FINDING_STATUSES.includes(status)) {
      throw invalidInput("body", [{ path: "note", code: "reason_required", message: `a ${status} finding keeps the note saying why; change its status to clear it` }]);
    }
    if (input.assigneeId) await lockAssigneeMembership(tx, ctx.orgId, input.assigneeId);
    const finding = await tx.finding.update({
      where: { id: findingId, orgId: ctx.orgId },
      data: {
        ...(input.status !== undefined ? { status: input.status.toUpperCase() as FindingStatus } : {}),
        ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
        ...(input.note !== undefined ? { triageNote: input.note } : {}),
        triagedAt: new Date(),
        triagedById: ctx.actor.userId,
      },
      include: FINDING_INCLUDE,
    });
    await recordAudit(tx, ctx, "finding.triage", { type: "finding", id: findingId }, { ...input, previousStatus: before.status.toLowerCase() });
    return toFindingDto(finding);
  });
}
