import "server-only";
import { type AgentConnectorTestResult, notFound, type TestAgentConnectorInput } from "@bulwark/contracts";
import { redact } from "@bulwark/detect";
import { platformKeys } from "@bulwark/jobs";
import { callAgent, ConnectorConfig } from "@bulwark/redteam";
import { randomUUID } from "node:crypto";
import { env } from "@/env";
import type { ServiceContext } from "@/server/auth/principal";
import { inTransaction } from "@/server/db/transaction";
import { recordAudit } from "@/server/services/audit/record-audit";
import { getProjectOrThrow } from "@/server/services/projects/get-project-or-throw";

// Not run or turn ids on purpose: the sidecar forwards only well-formed ids, so egress the test
// causes is never attributed to a real run.
const TEST_CALL_ID = "connector-test";

/**
 * Sends one message to the project's agent exactly as a run would: the stored connector, its
 * sealed headers, and the worker's network policy (private addresses only for a sandbox project
 * that allows local targets), through the one SSRF-guarded fetcher. The agent's failures are the
 * result, not an error; the reply is redacted before it leaves the server.
 */
export async function testAgentConnector(ctx: ServiceContext, projectId: string, input: TestAgentConnectorInput): Promise<AgentConnectorTestResult> {
  const project = await getProjectOrThrow(ctx, projectId);
  const config = ConnectorConfig.safeParse(project.connector);
  if (!config.success) throw notFound("connector");
  const call = await callAgent(config.data, {
    message: input.message,
    sessionId: `connector-test-${randomUUID()}`,
    history: [],
    runId: TEST_CALL_ID,
    turnId: TEST_CALL_ID,
    secretKey: platformKeys(env.AUTH_SECRET).connectorSecrets,
    policy: { allowPrivateNetwork: project.environment === "SANDBOX" && project.allowLocalTargets },
  });
  const { outcome } = call;
  const result: AgentConnectorTestResult = {
    ok: outcome.status === "ok",
    latencyMs: call.latencyMs,
    attempts: call.attempts,
    reply: outcome.status === "ok" ? redact(outcome.reply).text : null,
    toolCalls: outcome.status === "ok" ? outcome.toolCalls.map((toolCall) => ({ name: toolCall.name })) : [],
    error: outcome.status === "error" ? { kind: outcome.kind, message: outcome.message } : null,
  };
  // The platform called out on the caller's behalf: who, where, and how it went.
  await inTransaction(undefined, (tx) =>
    recordAudit(tx, ctx, "project.connector.test", { type: "project", id: project.id }, { url: config.data.url, ok: result.ok, error: result.error?.kind ?? null }),
  );
  return result;
}
