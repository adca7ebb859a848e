"use client";

import type { Finding, FindingDetail } from "@bulwark/contracts";
import { Button, Dialog, ErrorMessage, Skeleton } from "@bulwark/ui";
import { useEffect, useState } from "react";
import { type ApiError, apiFetch } from "@/features/shared/api-client";

type Load = { state: "loading" } | { state: "ready"; detail: FindingDetail } | { state: "error"; error: ApiError };

/**
 * The evidence a finding cites, in chain order. Payloads were redacted before they were stored,
 * so what is shown here is what the chain hashes; the run's head hash closes the chain.
 */
export function ProofDialog({ open, finding, headHash, onClose }: { open: boolean; finding: Finding; headHash?: string | null | undefined; onClose: () => void }) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  useEffect(() => {
    let current = true;
    apiFetch<FindingDetail>(`/api/v1/findings/${finding.id}`).then(
      (detail) => current && setLoad({ state: "ready", detail }),
      (error: ApiError) => current && setLoad({ state: "error", error }),
    );
    return () => {
      current = false;
    };
  }, [finding.id]);

  return (
    <Dialog open={open} onClose={onClose} size="lg" title={`Proof: ${finding.title}`} description={finding.summary}>
      {load.state === "loading" ? (
        <div role="status" className="space-y-2">
          <span className="sr-only">Loading the evidence…</span>
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-16 w-full" />
        </div>
      ) : load.state === "error" ? (
        <ErrorMessage title="The evidence could not be loaded" message={load.error.message} requestId={load.error.requestId} />
      ) : (
        // Focusable, so keyboard users can scroll a long chain.
        <ol aria-label="Evidence chain" tabIndex={0} className="max-h-[60vh] space-y-3 overflow-y-auto rounded-md pr-1 focus-visible:outline-2 focus-visible:outline-brand-600">
          {load.detail.evidence.map((link) => (
            <li key={link.id} className="rounded-md border border-border p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="text-sm font-semibold">
                  #{link.seq} · {link.kind.replaceAll("_", " ")}
                </p>
                <code className="break-all font-mono text-xs text-fg-muted" title="Hash of this link">
                  {link.hash}
                </code>
              </div>
              <pre className="mt-2 whitespace-pre-wrap break-words rounded bg-surface-muted p-2 font-mono text-xs">{formatPayload(link.payload)}</pre>
            </li>
          ))}
          {load.detail.evidence.length === 0 ? <li className="text-sm text-fg-muted">This finding cites no evidence links.</li> : null}
        </ol>
      )}
      {/* Unknown (undefined) where findings of many runs are listed: the run page shows it. */}
      {headHash === undefined ? null : (
        <p className="mt-4 text-xs text-fg-muted">
          Run evidence head hash: <code className="break-all font-mono">{headHash ?? "none yet"}</code>
        </p>
      )}
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}

function formatPayload(payload: unknown): string {
  if (typeof payload === "string") return payload;
  return JSON.stringify(payload, null, 2);
}
