import { z } from "zod";
import { TRANSPORT_HEADERS } from "../net";
import { OutboundUrl } from "../net/outbound-url";
import { parseBodyTemplate } from "./body-template";
import { parseJsonPath } from "./json-path";
import { isSealedSecret } from "./secret-box";

/**
 * Headers the platform owns. Framing and routing headers would allow request smuggling; the
 * X-Bulwark ids attribute the agent's egress to a turn and must not be forged by the config.
 */
export const RESERVED_HEADER_NAMES: readonly string[] = [...TRANSPORT_HEADERS, "x-bulwark-run-id", "x-bulwark-turn-id"];

export const JsonPath = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    try {
      parseJsonPath(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
    }
  });

export const ConnectorHeader = z
  .strictObject({
    name: z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/, "not a valid header name"),
    value: z.string().max(8192).regex(/^[^\r\n\0]*$/, "must not contain line breaks"),
    /** The value is stored sealed (`v1:…`, see sealSecret) and only opened to send the request. */
    secret: z.boolean().default(false),
  })
  .refine((h) => !RESERVED_HEADER_NAMES.includes(h.name.toLowerCase()), {
    message: "this header is set by the platform",
    path: ["name"],
  })
  .refine((h) => !h.secret || isSealedSecret(h.value), { message: "a secret header's value must be sealed", path: ["value"] });
export type ConnectorHeader = z.infer<typeof ConnectorHeader>;

export const BodyTemplate = z
  .string()
  .max(16 * 1024)
  .superRefine((value, ctx) => {
    try {
      parseBodyTemplate(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
    }
  });

export const ResponseMapping = z.strictObject({
  replyPath: JsonPath,
  toolCallsPath: JsonPath.optional(),
});
export type ResponseMapping = z.infer<typeof ResponseMapping>;

export const ConnectorPreset = z.enum(["openai_chat"]);
export type ConnectorPreset = z.infer<typeof ConnectorPreset>;

/**
 * How the platform talks to a project's agent. Without a preset, `bodyTemplate` and `response`
 * describe the agent's API; left out, they default to the demo agent's contract. The
 * `openai_chat` preset speaks the Chat Completions format itself and needs only `model`.
 */
export const ConnectorConfig = z
  .strictObject({
    url: OutboundUrl("use a secret header"),
    method: z.enum(["POST", "PUT"]).default("POST"),
    headers: z.array(ConnectorHeader).max(32).default([]),
    preset: ConnectorPreset.optional(),
    model: z.string().trim().min(1).max(200).optional(),
    bodyTemplate: BodyTemplate.optional(),
    response: ResponseMapping.optional(),
    timeoutMs: z.number().int().min(1_000).max(120_000).default(30_000),
    maxConcurrency: z.number().int().min(1).max(16).default(2),
    requestsPerSecond: z.number().positive().max(100).default(5),
    /** Retries after a 429 or 503 only; other failures are reported, not retried. */
    maxRetries: z.number().int().min(0).max(10).default(3),
  })
  .superRefine((config, ctx) => {
    if (config.preset === "openai_chat") {
      if (!config.model) ctx.addIssue({ code: "custom", message: "the openai_chat preset needs a model", path: ["model"] });
      for (const field of ["bodyTemplate", "response"] as const) {
        if (config[field] !== undefined) {
          ctx.addIssue({ code: "custom", message: "the openai_chat preset builds the body and reads the reply itself", path: [field] });
        }
      }
    } else if (config.model !== undefined) {
      ctx.addIssue({ code: "custom", message: "model is only used by the openai_chat preset; put it in the body template", path: ["model"] });
    }
    const seen = new Set<string>();
    config.headers.forEach((header, i) => {
      const name = header.name.toLowerCase();
      if (seen.has(name)) ctx.addIssue({ code: "custom", message: `the ${header.name} header is listed twice`, path: ["headers", i, "name"] });
      seen.add(name);
    });
  });
export type ConnectorConfig = z.infer<typeof ConnectorConfig>;
export type ConnectorConfigInput = z.input<typeof ConnectorConfig>;

/** apps/demo-agent's contract: `POST /chat {message, session_id}` → `{reply, tool_calls: [{name, arguments}]}`. */
export const DEMO_AGENT_BODY_TEMPLATE = '{"message": {{message}}, "session_id": {{session_id}}}';
export const DEMO_AGENT_RESPONSE: ResponseMapping = { replyPath: "$.reply", toolCallsPath: "$.tool_calls" };

/** A connector for a demo agent served at `baseUrl` (e.g. http://127.0.0.1:4100). */
export function demoAgentConnector(baseUrl: string): ConnectorConfig {
  return ConnectorConfig.parse({
    url: new URL("/chat", baseUrl).href,
    bodyTemplate: DEMO_AGENT_BODY_TEMPLATE,
    response: DEMO_AGENT_RESPONSE,
  });
}
