import { getFinding as getFindingOp, updateFinding as updateFindingOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { getFinding } from "@/server/services/findings/get-finding";
import { updateFinding } from "@/server/services/findings/update-finding";

// GET /api/v1/findings/{id} — one finding with the evidence chain links it cites
export const GET = route(getFindingOp, {}, ({ ctx, params }) => getFinding(ctx, params.id));

// PATCH /api/v1/findings/{id} — triage: status, assignee, note
export const PATCH = route(updateFindingOp, {}, ({ ctx, params, body }) => updateFinding(ctx, params.id, body));
