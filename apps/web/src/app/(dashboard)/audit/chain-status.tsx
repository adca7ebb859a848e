import { prisma, verifyAuditChain } from "@bulwark/db";
import { Callout, CopyButton, linkStyles } from "@bulwark/ui";
import Link from "next/link";
import { log } from "@/server/log";

const REASONS: Record<string, string> = {
  hash_mismatch: "its content no longer matches its hash — it was edited",
  prev_hash_mismatch: "it does not link to the entry before it — entries were reordered or inserted",
  sequence_gap: "entries before it are missing — they were deleted",
  checkpoint_mismatch: "it does not match the sealed checkpoint",
};

/** Recomputes the organization's whole chain; streamed in so a long chain does not hold up the table. */
export async function ChainStatus({ orgId, requestId }: { orgId: string; requestId: string }) {
  let status: Awaited<ReturnType<typeof verifyAuditChain>>;
  try {
    status = await verifyAuditChain(prisma, orgId);
  } catch (error) {
    log.error({ err: error, requestId }, "audit chain verification failed");
    return (
      <Callout tone="warning" title="The chain could not be verified just now">
        The entries below are still shown; reload the page to try again. Request id: <code className="font-mono text-xs">{requestId}</code>
      </Callout>
    );
  }
  if (!status.ok) {
    // The page starting at the broken entry: the cursor shows entries below it.
    const from = (BigInt(status.brokenAtSeq) + 1n).toString();
    return (
      <Callout
        tone="danger"
        title={`Chain broken at entry #${status.brokenAtSeq}`}
        action={
          <Link className={linkStyles} href={`/audit?cursor=${from}`}>
            Show entries from #{status.brokenAtSeq}
          </Link>
        }
      >
        Entry #{status.brokenAtSeq} does not verify: {REASONS[status.reason] ?? status.reason} ({status.reason}). Treat this log as tampered with from that entry on, and investigate
        who had write access to the database.
      </Callout>
    );
  }
  if (status.entries === 0 || !status.headHash) {
    return <Callout tone="success" title="Chain verified — no entries yet" />;
  }
  return (
    <Callout
      tone="success"
      title={`Chain verified — ${status.entries.toLocaleString("en")} ${status.entries === 1 ? "entry" : "entries"}, head ${status.headHash.slice(0, 12)}`}
      action={<CopyButton value={status.headHash} label="Copy head hash" />}
    >
      Every entry from #{status.checkedFromSeq} to #{status.headSeq} matches its hash and links to the one before. Record the head hash outside Bulwark: only an outside copy reveals
      entries removed from the end.
    </Callout>
  );
}
