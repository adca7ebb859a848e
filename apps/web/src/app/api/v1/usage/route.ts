import { getUsage as getUsageOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { getUsageHistory } from "@/server/services/usage/get-usage-history";

// GET /api/v1/usage — usage per day or per project, from the daily rollups
export const GET = route(getUsageOp, {}, ({ ctx, query }) => getUsageHistory(ctx, query));
