// Talking to a project's agent: its connector config, how a turn is sent (through the guarded
// fetcher only) and how the answer becomes an AgentOutcome for the verdict engine.
export {
  ConnectorConfig,
  type ConnectorConfigInput,
  ConnectorHeader,
  ConnectorPreset,
  ResponseMapping,
  RESERVED_HEADER_NAMES,
  DEMO_AGENT_BODY_TEMPLATE,
  DEMO_AGENT_RESPONSE,
  demoAgentConnector,
} from "./connector-config";
export { callAgent, type AgentCallPolicy, type CallAgentInput, type CallAgentResult } from "./call-agent";
export { createRunLimiter, type RunLimiter, type RunLimiterOptions } from "./run-limiter";
export { sealSecret, openSecret, isSealedSecret, SecretError } from "./secret-box";
export { renderBodyTemplate, TEMPLATE_PLACEHOLDERS, type TemplateValues, type HistoryMessage } from "./body-template";
export { MAX_REPLY_BYTES } from "./map-agent-response";
