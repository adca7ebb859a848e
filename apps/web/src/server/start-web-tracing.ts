import "server-only";
import { tracingFromEnv } from "@bulwark/telemetry";
import type { Env } from "@/env";

/** Starts OpenTelemetry for this web process when an OTLP endpoint is configured; the SDK is loaded only then. */
export async function startWebTracing(env: Env): Promise<void> {
  const config = tracingFromEnv(env, "bulwark-web");
  if (!config) return;
  const { startTracing } = await import("@bulwark/telemetry/sdk");
  const running = startTracing(config);
  // Best effort: Next exits on its own once its cleanup is done, and may not wait for the export.
  process.once("SIGTERM", () => void running.shutdown());
}
