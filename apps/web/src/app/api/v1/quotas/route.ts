import { getQuotas as getQuotasOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { getQuotas } from "@/server/services/quotas/get-quotas";

// GET /api/v1/quotas — each limit of the organization with its use and reset time
export const GET = route(getQuotasOp, {}, ({ ctx }) => getQuotas(ctx));
