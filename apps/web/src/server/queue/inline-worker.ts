import "server-only";
import { prisma, resolveDatabaseUrl } from "@bulwark/db";
import { judgeFromEnv, startWorker } from "@bulwark/jobs";
import { env } from "@/env";
import { log } from "@/server/log";

/**
 * The single-node default: the queue worker runs inside the web process, through the same code
 * as apps/worker. Stopped on SIGTERM/SIGINT so in-flight jobs finish or are released.
 */
export async function startInlineWorker(): Promise<void> {
  const worker = await startWorker({
    databaseUrl: resolveDatabaseUrl(),
    prisma,
    log: log.child({ component: "inline-worker" }),
    authSecret: env.AUTH_SECRET,
    judge: judgeFromEnv(env),
  });
  const stop = () => {
    void worker.stop().finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
