import { getHealth } from "@bulwark/contracts";
import { env } from "@/env";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

// GET /api/health — liveness: the process answers; no dependency is touched
export const GET = route(getHealth, { rateLimit: false }, () => ({
  status: "ok" as const,
  version: env.BULWARK_VERSION,
  uptimeSeconds: Math.round(process.uptime()),
}));
