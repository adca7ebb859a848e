import { verifyRunEvidence as verifyRunEvidenceOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { verifyRunEvidence } from "@/server/services/runs/verify-run-evidence";

// GET /api/v1/runs/{id}/verify — recompute the run's hash-linked evidence chain
export const GET = route(verifyRunEvidenceOp, {}, ({ ctx, params }) => verifyRunEvidence(ctx, params.id));
