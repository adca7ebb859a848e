import { listFindings as listFindingsOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { listFindings } from "@/server/services/findings/list-findings";

// GET /api/v1/findings — the organization's findings across projects, newest first, filterable
export const GET = route(listFindingsOp, {}, ({ ctx, query }) => listFindings(ctx, query));
