import "server-only";
import { createBoss } from "@bulwark/jobs";
import { resolveDatabaseUrl } from "@bulwark/db";
import { withoutLogContext } from "@bulwark/logger";
import { withoutTrace } from "@bulwark/telemetry";
import type { PgBoss } from "pg-boss";
import { log } from "@/server/log";

const globalForQueue = globalThis as unknown as { bulwarkBoss?: Promise<PgBoss> };

/** This web instance's queue producer, started on first use. */
export function getQueue(): Promise<PgBoss> {
  // Started outside the request that first needs it: its connections and timers outlive that
  // request, and an error they report later must not be logged or traced in its name.
  globalForQueue.bulwarkBoss ??= withoutLogContext(() =>
    withoutTrace(async () => {
      const boss = createBoss(resolveDatabaseUrl(), "producer");
      boss.on("error", (err) => log.error({ err }, "queue producer error"));
      await boss.start();
      return boss;
    }),
  ).catch((error: unknown) => {
    // Forget the failed start so the next call (e.g. the next readiness probe) tries again.
    globalForQueue.bulwarkBoss = undefined;
    throw error;
  });
  return globalForQueue.bulwarkBoss;
}
