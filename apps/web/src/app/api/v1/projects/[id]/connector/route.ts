import { getAgentConnector as getAgentConnectorOp, putAgentConnector as putAgentConnectorOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { getAgentConnector } from "@/server/services/connector/get-agent-connector";
import { putAgentConnector } from "@/server/services/connector/put-agent-connector";

// GET /api/v1/projects/{id}/connector — how the platform calls the agent (secrets hidden)
export const GET = route(getAgentConnectorOp, {}, ({ ctx, params }) => getAgentConnector(ctx, params.id));

// PUT /api/v1/projects/{id}/connector — configure it; secret header values are sealed at rest
export const PUT = route(putAgentConnectorOp, {}, ({ ctx, params, body }) => putAgentConnector(ctx, params.id, body));
