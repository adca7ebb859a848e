"use client";

import type { Run } from "@bulwark/contracts";
import { Badge, Callout, EmptyState, Section, StatusBadge, Table, TBody, Td, Th, THead } from "@bulwark/ui";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { StopRunButton } from "./stop-run-button";
import { CapturedEventsTable } from "./captured-events-table";
import type { CapturedSnapshot } from "./captured-row";
import { categoryLabel } from "./category-label";
import { RunProgress } from "./run-progress";
import { useCapturedEvents } from "./use-captured-events";
import { useRunStream } from "./use-run-stream";

const FINAL = new Set<Run["status"]>(["completed", "failed", "canceled", "stopped"]);

const CONNECTION_TEXT = {
  connecting: "Connecting to the live stream…",
  live: "Live",
  reconnecting: "Connection lost; reconnecting and resuming where it stopped…",
  ended: "Run finished",
  failed: "The live stream is unavailable. Reload the page to try again.",
} as const;

/**
 * The run as it happens, from its event stream. A run that was still going when the page was
 * rendered refreshes the page when the stream ends, so the server renders `result` (shown under
 * the status, above the feed). `captured` is the run's captured events when the page was first rendered.
 */
export function LiveRun({
  run,
  canCancel,
  canKill,
  captured,
  result,
}: {
  run: Run;
  canCancel: boolean;
  /** A platform administrator: the admin kill switch, whatever their role in this organization. */
  canKill: boolean;
  captured: CapturedSnapshot;
  result?: ReactNode;
}) {
  const router = useRouter();
  const events = useCapturedEvents({ projectId: run.projectId, runId: run.id, snapshot: captured });
  const state = useRunStream(
    run,
    () => {
      if (!FINAL.has(run.status)) router.refresh();
    },
    { capturedAfter: events.throughSeq, onCaptured: events.add },
  );
  const active = !FINAL.has(state.status);

  return (
    <>
      <div className="mb-8 space-y-4 rounded-lg border border-border bg-surface p-5 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-3">
            <StatusBadge status={state.status} />
            {state.stopReason ? <span className="text-sm text-fg-muted">stopped: {state.stopReason.replaceAll("_", " ")}</span> : null}
            <p role="status" className="text-sm text-fg-muted">
              {CONNECTION_TEXT[state.connection]}
            </p>
          </div>
          {active && (canCancel || canKill) ? (
            <div className="flex gap-2">
              {canCancel ? <StopRunButton runId={run.id} how="cancel" /> : null}
              {canKill ? <StopRunButton runId={run.id} how="kill" /> : null}
            </div>
          ) : null}
        </div>
        <RunProgress done={state.progress.done} total={state.progress.total} />
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <Stat label="Passed" value={state.progress.passed} />
          <Stat label="Failed" value={state.progress.failed} />
          <Stat label="Inconclusive" value={state.progress.inconclusive} />
          <Stat label={active ? "Findings so far" : "Findings"} value={state.findings} />
        </dl>
      </div>
      {state.connection === "failed" ? (
        <Callout tone="danger" title="Live updates stopped" className="mb-6">
          {CONNECTION_TEXT.failed}
        </Callout>
      ) : null}
      {result}

      <Section title="Story" description="What happened, in plain words, as the run goes.">
        {state.story.length === 0 ? (
          <EmptyState title={active ? "Waiting for the first step" : "No story steps"} />
        ) : (
          <ol aria-label="Story" className="space-y-2 border-l-2 border-border pl-4 text-sm">
            {state.story.map((step) => (
              <li key={step.seq}>{step.text}</li>
            ))}
          </ol>
        )}
      </Section>

      <Section title="Turns" description="Each attack sent to the agent and the verdict on its reply.">
        {state.turns.length === 0 ? (
          <EmptyState title={active ? "No turns yet" : "No turns were run"} />
        ) : (
          <Table>
            <caption className="sr-only">Turns of this run</caption>
            <THead>
              <tr>
                <Th>Scenario</Th>
                <Th>Category</Th>
                <Th>Phrasing</Th>
                <Th>Verdict</Th>
                <Th>Detector</Th>
              </tr>
            </THead>
            <TBody>
              {state.turns.map((turn) => (
                <tr key={turn.turnId}>
                  <Td>
                    <code className="font-mono text-xs">{turn.scenarioKey}</code>
                    {turn.turnIndex > 0 ? <span className="ml-1 text-xs text-fg-muted">turn {turn.turnIndex + 1}</span> : null}
                  </Td>
                  <Td>{categoryLabel(turn.category)}</Td>
                  <Td>{turn.variant.replaceAll("_", " ")}</Td>
                  <Td>{turn.verdict ? <StatusBadge status={turn.verdict} /> : turn.outcome === "error" ? <Badge tone="danger">error</Badge> : <span className="text-fg-muted">pending</span>}</Td>
                  <Td className="text-fg-muted">{turn.detector ?? "—"}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>

      <Section title="Captured egress" description="Every request the sidecar captured for this run, redacted, live as it arrives.">
        <CapturedEventsTable events={events} active={active} />
      </Section>
    </>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="flex gap-1">
      <dt className="text-fg-muted">{label}:</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}
