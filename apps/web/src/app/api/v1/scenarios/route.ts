import { createScenario as createScenarioOp, listScenarios as listScenariosOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { createScenario } from "@/server/services/scenarios/create-scenario";
import { listScenarios } from "@/server/services/scenarios/list-scenarios";

// GET /api/v1/scenarios — the catalog: built-ins and the organization's active custom scenarios
export const GET = route(listScenariosOp, {}, ({ ctx, query }) => listScenarios(ctx, query));

// POST /api/v1/scenarios — add a custom scenario (version 1)
export const POST = route(createScenarioOp, {}, ({ ctx, body }) => createScenario(ctx, body));
