import { expect } from "vitest";
import { type HangingAgent, startHangingAgent } from "./agents";
import { apiWithKey } from "./api";
import { e2eContext } from "./fixtures";

export interface LiveRunSetup {
  projectId: string;
  runId: string;
  /** A sidecar token of the project (`bws_…`), for POST /api/v1/ingest/events. */
  sidecarToken: string;
  agent: HangingAgent;
  /** Cancels the run and closes its agent. */
  stop: () => Promise<void>;
}

/**
 * A sandbox project whose run stays running (its agent never answers), with a sidecar token:
 * what a test needs to send captured events to a live run. `stop` returns once it is canceled.
 */
export async function startLiveRun(apiKey: string, name: string): Promise<LiveRunSetup> {
  const agent = await startHangingAgent();
  const project = await apiWithKey(apiKey, "/api/v1/projects", { method: "POST", body: { name, environment: "sandbox" } });
  expect(project.status).toBe(201);
  const projectId = (project.body as { id: string }).id;
  const connector = await apiWithKey(apiKey, `/api/v1/projects/${projectId}/connector`, { method: "PUT", body: { url: `${agent.url}/chat`, allowLocalTargets: true } });
  expect(connector.status).toBe(200);
  const created = await apiWithKey(apiKey, `/api/v1/projects/${projectId}/runs`, { method: "POST", body: { categories: ["secret_leakage"], intensity: "low" } });
  expect(created.status).toBe(202);
  const token = await apiWithKey(apiKey, `/api/v1/projects/${projectId}/sidecar-tokens`, { method: "POST", body: { name: "e2e sidecar" } });
  expect(token.status).toBe(201);
  const runId = (created.body as { id: string }).id;
  return {
    projectId,
    runId,
    sidecarToken: (token.body as { token: string }).token,
    agent,
    stop: async () => {
      await apiWithKey(apiKey, `/api/v1/runs/${runId}/cancel`, { method: "POST" });
      // A running run stops within a second of the cancel; until then it holds its quota slot.
      await expect
        .poll(async () => ((await apiWithKey(apiKey, `/api/v1/runs/${runId}`)).body as { status: string }).status, { timeout: 15_000 })
        .toBe("canceled");
      await agent.close();
    },
  };
}

/** One captured request as the sidecar reports it. */
export function egressEvent(runId: string, id: string, { host, ts, destinationClass = "tool" }: { host: string; ts: Date; destinationClass?: string }) {
  return {
    id,
    type: "egress.http",
    ts: ts.toISOString(),
    runId,
    data: { method: "POST", scheme: "https", host, port: 443, path: "/v1/upload", status: 200, bytesOut: 512, bytesIn: 20, durationMs: 12, tls: true, destinationClass, hits: [] },
  };
}

/** POST /api/v1/ingest/events as a sidecar sends it. */
export async function ingestAsSidecar(token: string, events: unknown[]): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${e2eContext().baseUrl}/api/v1/ingest/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ events }),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}
