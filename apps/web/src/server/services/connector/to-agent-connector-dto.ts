import type { AgentConnector } from "@bulwark/contracts";
import type { ConnectorConfig } from "@bulwark/redteam";

/** The connector as the API shows it: a secret header's value never leaves the server. */
export function toAgentConnectorDto(config: ConnectorConfig, allowLocalTargets: boolean): AgentConnector {
  return {
    url: config.url,
    method: config.method,
    preset: config.preset,
    model: config.model,
    bodyTemplate: config.bodyTemplate,
    response: config.response,
    timeoutMs: config.timeoutMs,
    maxConcurrency: config.maxConcurrency,
    requestsPerSecond: config.requestsPerSecond,
    maxRetries: config.maxRetries,
    allowLocalTargets,
    headers: config.headers.map((header) => ({ name: header.name, value: header.secret ? null : header.value, secret: header.secret })),
  };
}
