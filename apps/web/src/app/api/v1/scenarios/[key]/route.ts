import {
  archiveScenario as archiveScenarioOp,
  getScenario as getScenarioOp,
  updateScenario as updateScenarioOp,
} from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { archiveScenario } from "@/server/services/scenarios/archive-scenario";
import { getScenario } from "@/server/services/scenarios/get-scenario";
import { updateScenario } from "@/server/services/scenarios/update-scenario";

// GET /api/v1/scenarios/{key} — a scenario's full document (built-in, or a custom one's latest version)
export const GET = route(getScenarioOp, {}, ({ ctx, params }) => getScenario(ctx, params.key));

// PUT /api/v1/scenarios/{key} — store a new version of a custom scenario
export const PUT = route(updateScenarioOp, {}, ({ ctx, params, body }) => updateScenario(ctx, params.key, body));

// DELETE /api/v1/scenarios/{key} — archive every version of a custom scenario
export const DELETE = route(archiveScenarioOp, {}, async ({ ctx, params }) => {
  await archiveScenario(ctx, params.key);
  return new Response(null, { status: 204 });
});
