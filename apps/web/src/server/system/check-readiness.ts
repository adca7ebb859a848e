import "server-only";
import { AppError, type ReadyResponse } from "@bulwark/contracts";
import { checkQueue } from "@bulwark/jobs";
import { prisma } from "@bulwark/db";
import { getQueue } from "@/server/queue/boss";
import { getRedis, pingRedis } from "@/server/redis";

type Check = ReadyResponse["checks"]["database"];

const CHECK_TIMEOUT_MS = 3_000;

async function timed(probe: () => Promise<void>): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The probe's message names the failing dependency's symptom (refused, timeout), not secrets.
    return { status: "failing", message: error instanceof Error ? error.message : "failed" };
  } finally {
    clearTimeout(timer);
  }
}

/** Probes every dependency; throws a 503 naming the failing ones. */
export async function checkReadiness(): Promise<ReadyResponse> {
  const redis = getRedis();
  const [database, queue, redisCheck] = await Promise.all([
    timed(async () => {
      await prisma.$queryRaw`SELECT 1`;
    }),
    timed(async () => checkQueue(await getQueue())),
    redis.kind === "none" ? Promise.resolve<Check>({ status: "not_configured" }) : timed(() => pingRedis(redis)),
  ]);
  const checks = { database, queue, redis: redisCheck };
  const failing = Object.entries(checks)
    .filter(([, check]) => check.status === "failing")
    .map(([name]) => name);
  if (failing.length > 0) {
    throw new AppError("service_unavailable", `Not ready: ${failing.join(", ")} failing.`, {
      details: { failing, checks },
      headers: { "Retry-After": "5" },
    });
  }
  return { status: "ready", checks };
}
