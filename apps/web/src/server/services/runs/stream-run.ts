import "server-only";
import { prisma, type Run } from "@bulwark/db";
import type { ServiceContext } from "@/server/auth/principal";
import { runUpdates } from "@/server/runs/run-updates";
import { toCapturedEventDto } from "@/server/services/events/to-captured-event-dto";
import { getRunOrThrow } from "./get-run-or-throw";
import { toRunDto } from "./to-run-dto";

/** Where a stream stands: the last evidence link, story step and captured event (run seq) it has sent. */
interface Cursor {
  evidence: number;
  story: number;
  captured: number;
}

const FINAL = new Set(["COMPLETED", "FAILED", "CANCELED", "STOPPED"]);
const BATCH = 200;
const CAPTURED_BATCH = 500;

/**
 * `Last-Event-ID` is the id of the last event the client saw: `<evidence seq>-<story seq>-<captured seq>`
 * (ids without the third part predate captured events). Without one, captured events start after
 * `capturedAfter`: a client that pages the run's earlier events itself asks only for newer ones.
 */
function parseCursor(lastEventId: string | null, capturedAfter: number): Cursor {
  const match = /^(\d{1,9})-(\d{1,9})(?:-(\d{1,15}))?$/.exec(lastEventId ?? "");
  if (!match) return { evidence: 0, story: 0, captured: capturedAfter };
  return { evidence: Number(match[1]), story: Number(match[2]), captured: match[3] === undefined ? capturedAfter : Number(match[3]) };
}

function sse(event: string, data: unknown, cursor?: Cursor): string {
  const id = cursor ? `id: ${cursor.evidence}-${cursor.story}-${cursor.captured}\n` : "";
  return `${id}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The run's live view as Server-Sent Events. State lives in the database, so the stream is a
 * projection of it from a cursor: a NOTIFY from the worker (or a slow poll, should a notice be
 * lost) makes it send whatever is past the cursor. That is what makes resuming with
 * Last-Event-ID exact and lets any web instance serve any run.
 */
export async function streamRun(
  ctx: ServiceContext,
  runId: string,
  {
    lastEventId,
    capturedAfter = 0,
    signal,
    keepAliveMs = 15_000,
    pollMs = 2_000,
  }: { lastEventId: string | null; capturedAfter?: number; signal: AbortSignal; keepAliveMs?: number; pollMs?: number },
): Promise<ReadableStream<Uint8Array>> {
  await getRunOrThrow(ctx, runId);
  const cursor = parseCursor(lastEventId, capturedAfter);
  const encoder = new TextEncoder();
  let lastStatus = "";
  let closed = false;
  let flushing: Promise<void> | null = null;
  let again = false;
  const cleanups: (() => void)[] = [];

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        for (const cleanup of cleanups) cleanup();
        controller.close();
      };

      /** Sends everything past the cursor; at most one pass at a time, re-run if asked meanwhile. */
      const flush = (): Promise<void> => {
        if (flushing) {
          again = true;
          return flushing;
        }
        flushing = (async () => {
          do {
            again = false;
            const run = await prisma.run.findUniqueOrThrow({ where: { id: runId } });
            await sendNewEvidence(run, cursor, send);
            await sendNewStory(run.id, cursor, send);
            // Captured traffic is project data (GET /projects/{id}/events needs projects:read): a
            // key scoped to runs:read alone follows the run without it.
            if (ctx.scopes.includes("projects:read")) await sendNewCaptured(run, cursor, send);
            const dto = toRunDto(run);
            const status = { status: dto.status, stopReason: dto.stopReason, progress: dto.progress, riskScore: dto.riskScore };
            if (JSON.stringify(status) !== lastStatus) {
              lastStatus = JSON.stringify(status);
              send(sse("status", status, cursor));
            }
            if (FINAL.has(run.status)) {
              send(sse("end", { status: run.status.toLowerCase() }, cursor));
              close();
              return;
            }
          } while (again && !closed);
        })()
          .catch(() => {
            // The database hiccuped: the next notice or poll tries again.
          })
          .finally(() => {
            flushing = null;
          });
        return flushing;
      };

      cleanups.push(runUpdates.subscribe(runId, () => void flush()));
      // Unref'd: an open stream alone must not keep a stopping server (or a test) alive.
      const poll = setInterval(() => void flush(), pollMs).unref();
      const keepAlive = setInterval(() => send(": keep-alive\n\n"), keepAliveMs).unref();
      cleanups.push(() => clearInterval(poll), () => clearInterval(keepAlive));
      signal.addEventListener("abort", close, { once: true });
      // Tell the browser how long to wait before reconnecting, then the current state.
      send("retry: 2000\n\n");
      void flush();
    },
    cancel() {
      closed = true;
      for (const cleanup of cleanups) cleanup();
    },
  });
}

/** Turn starts and ends, verdicts and findings, from the evidence chain past the cursor. */
async function sendNewEvidence(run: Run, cursor: Cursor, send: (text: string) => void): Promise<void> {
  for (;;) {
    const items = await prisma.evidenceItem.findMany({
      where: { runId: run.id, seq: { gt: cursor.evidence } },
      orderBy: { seq: "asc" },
      take: BATCH,
      include: { turn: { select: { scenarioKey: true, variant: true, turnIndex: true, category: true } } },
    });
    for (const item of items) {
      cursor.evidence = item.seq;
      const turn = item.turn ? { turnId: item.turnId, ...item.turn } : null;
      const payload = item.payload as Record<string, unknown>;
      if (item.kind === "MESSAGE") send(sse("turn_started", { ...turn, message: payload.text }, cursor));
      else if (item.kind === "REPLY") send(sse("turn_finished", { ...turn, outcome: "ok" }, cursor));
      else if (item.kind === "ERROR") send(sse("turn_finished", { ...turn, outcome: "error", error: payload }, cursor));
      else if (item.kind === "VERDICT") send(sse("verdict", { ...turn, verdict: payload.verdict, detector: payload.detector, confidence: payload.confidence, reason: payload.reason }, cursor));
      else if (item.kind === "TOOL_CALL") send(sse("tool_call", { ...turn, ...payload }, cursor));
      else if (item.kind === "EGRESS_EVENT") send(sse("egress", { ...turn, ...payload }, cursor));
      else if (item.kind === "FINDING") send(sse("finding", { evidenceId: item.id, ...payload }, cursor));
    }
    if (items.length < BATCH) return;
  }
}

async function sendNewStory(runId: string, cursor: Cursor, send: (text: string) => void): Promise<void> {
  for (;;) {
    const steps = await prisma.storyStep.findMany({ where: { runId, seq: { gt: cursor.story } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const step of steps) {
      cursor.story = step.seq;
      send(sse("story", { seq: step.seq, text: step.text, refs: step.refs }, cursor));
    }
    if (steps.length < BATCH) return;
  }
}

/**
 * The sidecar's events stored for the run past the cursor, in batches (one `captured` message
 * each). Ingest numbers a run's events under its row lock and commits before the next batch can
 * number any, so seq order is commit order and nothing can appear behind the cursor.
 */
async function sendNewCaptured(run: Run, cursor: Cursor, send: (text: string) => void): Promise<void> {
  for (;;) {
    const events = await prisma.event.findMany({
      where: { orgId: run.orgId, runId: run.id, seq: { gt: cursor.captured } },
      orderBy: { seq: "asc" },
      take: CAPTURED_BATCH,
    });
    if (events.length === 0) return;
    cursor.captured = Number(events.at(-1)!.seq);
    send(sse("captured", { events: events.map(toCapturedEventDto) }, cursor));
    if (events.length < CAPTURED_BATCH) return;
  }
}
