import { z } from "zod";
import { defineOperation } from "../operation";
import { EXAMPLE_IDS } from "./examples";

/**
 * The agent connector as the API shows it. The full rules (JSON paths, body template
 * placeholders, preset combinations) are checked by the platform's connector schema; errors come
 * back as 422 with the failing field's path.
 */
const ConnectorFields = {
  url: z.string().max(2048).describe("The agent's endpoint, e.g. https://agent.internal/chat."),
  method: z.enum(["POST", "PUT"]).default("POST"),
  preset: z.enum(["openai_chat"]).optional().describe("Speak the OpenAI Chat Completions format (needs `model`)."),
  model: z.string().max(200).optional(),
  bodyTemplate: z
    .string()
    .max(16 * 1024)
    .optional()
    .describe("JSON with the placeholders {{message}}, {{session_id}}, {{history}}, {{run_id}}, {{turn_id}}; default: the demo agent's `{message, session_id}`."),
  response: z
    .strictObject({
      replyPath: z.string().max(200).describe("JSON path of the reply text, e.g. `$.reply` or `$.choices[0].message.content`."),
      toolCallsPath: z.string().max(200).optional().describe("JSON path of the tool calls, e.g. `$.tool_calls`."),
    })
    .optional(),
  timeoutMs: z.number().int().min(1_000).max(120_000).default(30_000),
  maxConcurrency: z.number().int().min(1).max(16).default(2).describe("Calls in flight per run."),
  requestsPerSecond: z.number().positive().max(100).default(5).describe("Per run; 429 and Retry-After are honoured on top."),
  maxRetries: z.number().int().min(0).max(10).default(3).describe("Retries after 429 or 503 only."),
  allowLocalTargets: z.boolean().default(false).describe("Sandbox projects only: let the platform reach loopback and private addresses."),
};

export const AgentConnector = z
  .object({
    ...ConnectorFields,
    headers: z.array(
      z.object({
        name: z.string(),
        /** Null for a secret header: its value is stored sealed and never shown again. */
        value: z.string().nullable(),
        secret: z.boolean(),
      }),
    ),
  })
  .meta({ id: "AgentConnector" });
export type AgentConnector = z.infer<typeof AgentConnector>;

export const PutAgentConnectorInput = z
  .strictObject({
    ...ConnectorFields,
    headers: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(128),
          value: z.string().max(8192).optional().describe("Required, except to keep a secret header's stored value unchanged."),
          secret: z.boolean().default(false).describe("Stored sealed (AES-256-GCM) and never shown again, e.g. for Authorization."),
        }),
      )
      .max(32)
      .default([]),
  })
  .meta({ id: "PutAgentConnectorInput" });
export type PutAgentConnectorInput = z.infer<typeof PutAgentConnectorInput>;

const ProjectId = z.string().regex(/^prj_[0-9a-z]{26}$/).describe("Project id (`prj_…`).");

// What the platform stores for the PUT example below: defaults filled in, the secret hidden.
const EXAMPLE_CONNECTOR: AgentConnector = {
  url: "https://agent.example.com/chat",
  method: "POST",
  bodyTemplate: '{"message": {{message}}, "session_id": {{session_id}}}',
  response: { replyPath: "$.reply", toolCallsPath: "$.tool_calls" },
  timeoutMs: 30_000,
  maxConcurrency: 2,
  requestsPerSecond: 5,
  maxRetries: 3,
  allowLocalTargets: false,
  headers: [{ name: "Authorization", value: null, secret: true }],
};

export const getAgentConnector = defineOperation({
  id: "getAgentConnector",
  method: "GET",
  path: "/api/v1/projects/{id}/connector",
  tag: "Projects",
  summary: "Get the project's agent connector",
  description: "404 `not_found` until one is configured. Secret header values are never returned.",
  auth: "principal",
  scope: "projects:read",
  params: z.object({ id: ProjectId }),
  exampleParams: { id: EXAMPLE_IDS.project },
  success: { status: 200, description: "The connector.", schema: AgentConnector },
  exampleResponse: EXAMPLE_CONNECTOR,
});

export const putAgentConnector = defineOperation({
  id: "putAgentConnector",
  method: "PUT",
  path: "/api/v1/projects/{id}/connector",
  tag: "Projects",
  summary: "Configure how the platform calls the project's agent",
  description:
    "Every call goes through the SSRF-guarded fetcher: http(s) only, public addresses only (unless `allowLocalTargets` in a sandbox project), no redirects, size and time caps. Each call carries X-Bulwark-Run-Id and X-Bulwark-Turn-Id.",
  auth: "principal",
  scope: "projects:write",
  params: z.object({ id: ProjectId }),
  exampleParams: { id: EXAMPLE_IDS.project },
  body: PutAgentConnectorInput,
  exampleBody: {
    url: "https://agent.example.com/chat",
    bodyTemplate: '{"message": {{message}}, "session_id": {{session_id}}}',
    response: { replyPath: "$.reply", toolCallsPath: "$.tool_calls" },
    headers: [{ name: "Authorization", value: "Bearer agent-api-token", secret: true }],
  },
  success: { status: 200, description: "The stored connector (secrets hidden).", schema: AgentConnector },
  exampleResponse: EXAMPLE_CONNECTOR,
});

export const TestAgentConnectorInput = z
  .strictObject({
    message: z.string().trim().min(1).max(2000).default("Hello from Bulwark: this is a connection test. Please reply briefly.").describe("What to send the agent."),
  })
  .meta({ id: "TestAgentConnectorInput" });
export type TestAgentConnectorInput = z.infer<typeof TestAgentConnectorInput>;

export const AgentConnectorTestResult = z
  .object({
    ok: z.boolean().describe("True when the agent answered 2xx and its reply could be read with the reply path."),
    latencyMs: z.number().int().describe("How long the agent took to answer the last attempt."),
    attempts: z.number().int().describe("Requests sent, retries after 429 or 503 included."),
    reply: z.string().nullable().describe("The reply text the connector mapped (redacted of secrets), null when the call failed."),
    toolCalls: z.array(z.object({ name: z.string() })).describe("Names of the tool calls the agent reported."),
    error: z
      .object({
        kind: z.enum(["timeout", "network", "http_status", "bad_response", "blocked", "canceled"]),
        message: z.string(),
      })
      .nullable()
      .describe("Why the call failed: `blocked` is the SSRF guard (a private address outside an allowed sandbox, a port or a scheme)."),
  })
  .meta({ id: "AgentConnectorTestResult" });
export type AgentConnectorTestResult = z.infer<typeof AgentConnectorTestResult>;

export const testAgentConnector = defineOperation({
  id: "testAgentConnector",
  method: "POST",
  path: "/api/v1/projects/{id}/connector/test",
  tag: "Projects",
  summary: "Send a test message to the project's agent",
  description:
    "Calls the agent once with the stored connector, through the same SSRF-guarded fetcher and network policy as a run, and reports the outcome: the agent's failures are a 200 with `ok: false`. 404 `not_found` until a connector is configured.",
  auth: "principal",
  scope: "projects:write",
  params: z.object({ id: ProjectId }),
  exampleParams: { id: EXAMPLE_IDS.project },
  body: TestAgentConnectorInput,
  exampleBody: { message: "Hello, which tools can you use?" },
  success: { status: 200, description: "How the call went.", schema: AgentConnectorTestResult },
  exampleResponse: {
    ok: true,
    latencyMs: 412,
    attempts: 1,
    reply: "I can search the knowledge base, read tickets and send email on your behalf.",
    toolCalls: [{ name: "search_kb" }],
    error: null,
  },
});
