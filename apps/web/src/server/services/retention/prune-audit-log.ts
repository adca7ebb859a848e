import { AuditChainBrokenError, prisma, sealAuditCheckpoint } from "@bulwark/db";
import { log } from "@/server/log";
import { archiveOrStop } from "./archive/archive-or-stop";
import type { ArchiveStore } from "./archive/archive-store";
import type { RetentionTally } from "./retention-tally";

const PAGE = 5_000;

/**
 * Prunes an org's audit entries older than `cutoff` behind a sealed checkpoint
 * (sealAuditCheckpoint): the seal verifies the prefix, records the hash of its last entry and
 * deletes it, so verifyAuditChain starts from the checkpoint and still passes afterwards. Only a
 * prefix can go (a chain cannot lose entries in the middle): it ends before the first entry that
 * is still within retention. With an archive, the prefix is archived as NDJSON first; entries
 * are immutable, so what was archived is exactly what the seal deletes.
 */
export async function pruneAuditLog(orgId: string, cutoff: Date, archive: ArchiveStore | null, stamp: string, tally: RetentionTally): Promise<void> {
  const sealed = (await prisma.auditCheckpoint.findFirst({ where: { orgId }, orderBy: { uptoSeq: "desc" } }))?.uptoSeq ?? 0n;
  const firstKept = await prisma.auditLogEntry.findFirst({ where: { orgId, createdAt: { gte: cutoff } }, orderBy: { seq: "asc" }, select: { seq: true } });
  const head = firstKept ? null : await prisma.auditLogEntry.findFirst({ where: { orgId }, orderBy: { seq: "desc" }, select: { seq: true } });
  const uptoSeq = firstKept ? firstKept.seq - 1n : (head?.seq ?? 0n);
  if (uptoSeq <= sealed) return;

  if (archive) {
    let after = sealed;
    for (let part = 1; after < uptoSeq; part++) {
      const page = await prisma.auditLogEntry.findMany({ where: { orgId, seq: { gt: after, lte: uptoSeq } }, orderBy: { seq: "asc" }, take: PAGE });
      if (page.length === 0) break;
      const body = page.map((entry) => JSON.stringify({ ...entry, seq: entry.seq.toString() })).join("\n") + "\n";
      await archiveOrStop(archive, tally, `audit/${orgId}/${stamp}/part-${String(part).padStart(5, "0")}.ndjson`, body, "application/x-ndjson");
      after = page.at(-1)!.seq;
    }
  }

  try {
    const { deleted } = await prisma.$transaction((tx) => sealAuditCheckpoint(tx, orgId, uptoSeq), { maxWait: 10_000, timeout: 120_000 });
    tally.auditEntriesDeleted += deleted;
    tally.orgsTouched.add(orgId);
  } catch (error) {
    // A broken chain is evidence: keep every entry and say so; the rest of retention goes on.
    if (!(error instanceof AuditChainBrokenError)) throw error;
    log.error({ orgId, brokenAtSeq: error.brokenAtSeq, reason: error.reason }, "audit chain broken: retention kept its entries");
  }
}
