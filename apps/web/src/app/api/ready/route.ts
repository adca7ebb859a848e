import { getReady } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { checkReadiness } from "@/server/system/check-readiness";

export const dynamic = "force-dynamic";

// GET /api/ready — readiness: database, queue and (when configured) Redis answer
export const GET = route(getReady, { rateLimit: false }, () => checkReadiness());
