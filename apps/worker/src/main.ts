// The queue worker as its own process: `npm run start -w @bulwark/worker`, one per replica.
import { createPrismaClient, resolveDatabaseUrl } from "@bulwark/db";
import { judgeFromEnv, startWorker } from "@bulwark/jobs";
import { createLogger } from "@bulwark/logger";
import { tracingFromEnv } from "@bulwark/telemetry";
import { env } from "./env";
import { startHeartbeatFile } from "./heartbeat-file";

const log = createLogger("worker", env.LOG_LEVEL);
// The SDK is loaded only when an OTLP endpoint is configured.
const tracingConfig = tracingFromEnv(env, "bulwark-worker");
const tracing = tracingConfig ? (await import("@bulwark/telemetry/sdk")).startTracing(tracingConfig) : null;
const databaseUrl = resolveDatabaseUrl({ DATABASE_URL: env.DATABASE_URL, BULWARK_DATA_DIR: env.BULWARK_DATA_DIR, BULWARK_EMBEDDED_PG_PORT: env.BULWARK_EMBEDDED_PG_PORT });
const prisma = createPrismaClient(databaseUrl);

const worker = await startWorker({
  databaseUrl,
  prisma,
  log,
  authSecret: env.AUTH_SECRET,
  egressGraceMs: env.BULWARK_EGRESS_GRACE_MS,
  runLeaseMs: env.BULWARK_RUN_LEASE_MS,
  runConcurrency: env.BULWARK_RUN_CONCURRENCY,
  judge: judgeFromEnv(env),
});
const heartbeat = env.BULWARK_WORKER_HEARTBEAT_FILE ? startHeartbeatFile(env.BULWARK_WORKER_HEARTBEAT_FILE, log) : undefined;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down");
  heartbeat?.stop();
  await worker.stop();
  await prisma.$disconnect();
  await tracing?.shutdown();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
