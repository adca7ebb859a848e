import { getRun as getRunOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { getRunOrThrow } from "@/server/services/runs/get-run-or-throw";
import { toRunDto } from "@/server/services/runs/to-run-dto";

// GET /api/v1/runs/{id} — one run with its progress
export const GET = route(getRunOp, {}, async ({ ctx, params }) => toRunDto(await getRunOrThrow(ctx, params.id)));
