import { testAgentConnector as testAgentConnectorOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { testAgentConnector } from "@/server/services/connector/test-agent-connector";

// POST /api/v1/projects/{id}/connector/test — call the agent once, as a run would, and report how it went
export const POST = route(testAgentConnectorOp, {}, ({ ctx, params, body }) => testAgentConnector(ctx, params.id, body));
