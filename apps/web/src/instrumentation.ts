// Runs once when a server instance starts, before it serves requests.
export async function register() {
  // Next also evaluates this file for the edge runtime, where none of this can run.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Importing env validates it: a bad or missing variable stops start-up with every problem named.
  const { env } = await import("./env");
  // Before the inline worker, so its runs are traced too.
  const { startWebTracing } = await import("./server/start-web-tracing");
  await startWebTracing(env);
  if (env.BULWARK_INLINE_WORKER === "1") {
    const { startInlineWorker } = await import("./server/queue/inline-worker");
    await startInlineWorker();
  }
}
