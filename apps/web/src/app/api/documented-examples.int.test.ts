import {
  type AnyOperation,
  createApiKey,
  createProject,
  createRun,
  createSidecarToken,
  estimateRun,
  getAgentConnector,
  getProject,
  getQuotas,
  getRun,
  ingestEvents,
  listProjects,
  listScenarios,
  putAgentConnector,
  sendHeartbeat,
  updateProject,
} from "@bulwark/contracts";
import { ensureEventPartitions, prisma } from "@bulwark/db";
import { createTestOrg } from "@bulwark/db/testing";
import { describe, expect, it } from "vitest";
import { apiRequest, createTestApiKey, routeParams } from "@/testing/credentials";
import { handlerFor } from "@/testing/route-handlers";

/**
 * Where the real response's structure departs from the documented example's: keys present on
 * one side only, or a different JSON type. Values may differ (ids, times); null matches any
 * value, since nullable fields are null in one story and set in another.
 */
function shapeDifferences(actual: unknown, documented: unknown, path = "$"): string[] {
  if (actual === null || documented === null) return [];
  const kind = (value: unknown) => (Array.isArray(value) ? "array" : typeof value);
  if (kind(actual) !== kind(documented)) return [`${path}: ${kind(actual)}, documented ${kind(documented)}`];
  if (Array.isArray(actual) && Array.isArray(documented)) {
    return actual.length > 0 && documented.length > 0 ? shapeDifferences(actual[0], documented[0], `${path}[0]`) : [];
  }
  if (typeof actual !== "object") return [];
  const a = actual as Record<string, unknown>;
  const d = documented as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(d)]);
  return [...keys].flatMap((key) => {
    if (!(key in a)) return [`${path}.${key}: documented, not returned`];
    if (!(key in d)) return [`${path}.${key}: returned, not documented`];
    return shapeDifferences(a[key], d[key], `${path}.${key}`);
  });
}

/** Sends `op`'s documented example (query and body) with real path ids and checks the answer. */
async function replay(op: AnyOperation, token: string, params: Record<string, string> = {}, body: unknown = op.exampleBody) {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!);
  const query = new URLSearchParams(Object.entries((op.exampleQuery ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  const url = query.size > 0 ? `${path}?${query.toString()}` : path;
  const response = await (await handlerFor(op))(apiRequest(op.method, url, { token, body }), routeParams(params));
  const answer = (await response.json()) as unknown;
  expect(response.status, `${op.id}: ${JSON.stringify(answer)}`).toBe(op.success.status);
  expect(op.success.schema!.safeParse(answer).success, `${op.id} response parses`).toBe(true);
  expect(shapeDifferences(answer, op.exampleResponse), `${op.id} has its documented shape`).toEqual([]);
  return answer as Record<string, unknown>;
}

describe("documented examples, replayed against the route handlers", () => {
  it("answer with the shape API.md shows, along the README's red-team flow", async () => {
    const org = await createTestOrg("Documented examples");
    const { token } = await createTestApiKey(org, "owner");

    const project = await replay(createProject, token);
    const id = project.id as string;
    await replay(updateProject, token, { id });
    await replay(getProject, token, { id });
    await replay(listProjects, token);
    await replay(putAgentConnector, token, { id });
    await replay(getAgentConnector, token, { id });
    await replay(listScenarios, token);
    await replay(estimateRun, token, { id });
    const run = await replay(createRun, token, { id });
    await replay(getRun, token, { id: run.id as string });
    await replay(getQuotas, token);
    await replay(createApiKey, token);

    const sidecar = await replay(createSidecarToken, token, { id });
    await replay(sendHeartbeat, sidecar.token as string);
    // The documented event, in this project's run and stamped now: ingest refuses runs of other
    // projects and days without a partition (the worker keeps them ahead).
    const now = new Date();
    await ensureEventPartitions(prisma, { from: now, days: 1 });
    const { turnId: _turn, ...event } = (ingestEvents.exampleBody as { events: Record<string, unknown>[] }).events[0]!;
    await replay(ingestEvents, sidecar.token as string, {}, { events: [{ ...event, runId: run.id, ts: now.toISOString() }] });
  });
});
