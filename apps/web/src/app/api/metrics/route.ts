import { env } from "@/env";
import { serveMetrics } from "@/server/metrics/serve-metrics";

export const dynamic = "force-dynamic";

// GET /api/metrics — Prometheus scrape (text format 0.0.4), for the METRICS_TOKEN bearer only
export const GET = serveMetrics(() => env.METRICS_TOKEN);
