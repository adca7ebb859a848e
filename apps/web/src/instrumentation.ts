// Runs once when a server instance starts, before it serves requests.
export async function register() {
  // Next also evaluates this file for the edge runtime, where none of this can run.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Importing env validates it: a bad or missing variable stops start-up with every problem named.
  const { env } = await import("./env");
  // Before the inline worker, so its runs are traced too; the SDK is loaded only when configured.
  const { tracingFromEnv } = await import("@bulwark/telemetry");
  const tracing = tracingFromEnv(env, "bulwark-web");
  if (tracing) {
    const { startTracing } = await import("@bulwark/telemetry/sdk");
    const running = startTracing(tracing);
    // Best effort: Next exits on its own once its cleanup is done, and may not wait for the export.
    process.once("SIGTERM", () => void running.shutdown());
  }
  if (env.BULWARK_INLINE_WORKER === "1") {
    const { startInlineWorker } = await import("./server/queue/inline-worker");
    await startInlineWorker();
  }
}
