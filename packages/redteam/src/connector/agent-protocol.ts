import { renderBodyTemplate, type TemplateValues } from "./body-template";
import { type ConnectorConfig, DEMO_AGENT_BODY_TEMPLATE, DEMO_AGENT_RESPONSE, type ResponseMapping } from "./connector-config";

/** Where an OpenAI-compatible Chat Completions response keeps the reply and the tool calls. */
const OPENAI_CHAT_RESPONSE: ResponseMapping = {
  replyPath: "$.choices[0].message.content",
  toolCallsPath: "$.choices[0].message.tool_calls",
};

/** The JSON request body for one turn, from the preset or the (validated) template. */
export function buildRequestBody(config: ConnectorConfig, values: TemplateValues): string {
  if (config.preset === "openai_chat") {
    return JSON.stringify({
      model: config.model,
      messages: [...values.history, { role: "user", content: values.message }],
    });
  }
  return renderBodyTemplate(config.bodyTemplate ?? DEMO_AGENT_BODY_TEMPLATE, values);
}

export function responseMapping(config: ConnectorConfig): ResponseMapping {
  if (config.preset === "openai_chat") return OPENAI_CHAT_RESPONSE;
  return config.response ?? DEMO_AGENT_RESPONSE;
}
