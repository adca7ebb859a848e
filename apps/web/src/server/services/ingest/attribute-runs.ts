import "server-only";
import { prisma } from "@bulwark/db";
import type { PreparedEvent, Rejection } from "./prepare-events";

/**
 * Sets each event's run: the run id the agent sent (it must be a run of this project), else the
 * run of a given turn, else the project's RUNNING run whose window contains the event. Events
 * about the sidecar itself (drops) stay project-level. Three reads per batch at most.
 */
export async function attributeRuns(
  scope: { orgId: string; projectId: string },
  events: PreparedEvent[],
): Promise<{ attributed: PreparedEvent[]; rejected: Rejection[] }> {
  const rejected: Rejection[] = [];
  const named = [...new Set(events.flatMap((e) => (e.runId ? [e.runId] : [])))];
  const turnIds = [...new Set(events.flatMap((e) => (e.turnId ? [e.turnId] : [])))];
  const needsWindow = events.some((e) => !e.runId && !e.turnId && e.type !== "sidecar.dropped");

  const [knownRuns, turns, running] = await Promise.all([
    named.length ? prisma.run.findMany({ where: { id: { in: named }, orgId: scope.orgId, projectId: scope.projectId }, select: { id: true } }) : [],
    turnIds.length
      ? prisma.runTurn.findMany({ where: { id: { in: turnIds }, orgId: scope.orgId, run: { projectId: scope.projectId } }, select: { id: true, runId: true } })
      : [],
    needsWindow
      ? prisma.run.findMany({
          where: { orgId: scope.orgId, projectId: scope.projectId, status: "RUNNING", startedAt: { not: null } },
          select: { id: true, startedAt: true },
          orderBy: { startedAt: "desc" },
        })
      : [],
  ]);
  const runIds = new Set(knownRuns.map((r) => r.id));
  const turnRun = new Map(turns.map((t) => [t.id, t.runId]));

  const attributed: PreparedEvent[] = [];
  for (const event of events) {
    // Another project's (or org's) run looks exactly like a run that does not exist.
    if (event.runId && !runIds.has(event.runId)) {
      rejected.push({ index: event.index, id: event.clientEventId, code: "run_not_found", message: "The run does not exist in this project." });
      continue;
    }
    if (event.turnId) {
      const owner = turnRun.get(event.turnId);
      if (!owner || (event.runId && owner !== event.runId)) {
        rejected.push({ index: event.index, id: event.clientEventId, code: "turn_not_found", message: "The turn does not exist in this run." });
        continue;
      }
      attributed.push({ ...event, runId: owner });
      continue;
    }
    if (!event.runId && event.type !== "sidecar.dropped") {
      const run = running.find((r) => r.startedAt! <= event.ts);
      attributed.push({ ...event, runId: run?.id ?? null });
      continue;
    }
    attributed.push(event);
  }
  return { attributed, rejected };
}
