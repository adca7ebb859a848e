// The queue worker as its own process: `npm run start -w @bulwark/worker`, one per replica.
import { createPrismaClient, resolveDatabaseUrl } from "@bulwark/db";
import { startWorker } from "@bulwark/jobs";
import { createLogger } from "@bulwark/logger";
import { env } from "./env";

const log = createLogger("worker", env.LOG_LEVEL);
const databaseUrl = resolveDatabaseUrl(env);
const prisma = createPrismaClient(databaseUrl);

const worker = await startWorker({ databaseUrl, prisma, log });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down");
  await worker.stop();
  await prisma.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
