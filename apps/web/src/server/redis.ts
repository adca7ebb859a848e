import "server-only";
import { Redis as UpstashRedis } from "@upstash/redis";
import { Redis as IORedis } from "ioredis";
import { env } from "@/env";

export type RedisBackend =
  | { kind: "upstash"; client: UpstashRedis }
  | { kind: "redis"; client: IORedis }
  | { kind: "none" };

const globalForRedis = globalThis as unknown as { bulwarkRedis?: RedisBackend };

/** The configured Redis: Upstash over REST, a self-hosted server over TCP, or none. */
export function getRedis(): RedisBackend {
  globalForRedis.bulwarkRedis ??= connect();
  return globalForRedis.bulwarkRedis;
}

function connect(): RedisBackend {
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    return { kind: "upstash", client: new UpstashRedis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN }) };
  }
  if (env.REDIS_URL) {
    // Fail fast instead of queueing commands while Redis is down: callers decide whether a
    // failure opens or closes (see the rate limit policies).
    const client = new IORedis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 });
    client.on("error", () => {
      // Connection errors surface on the commands that fail; without a listener ioredis would
      // print every reconnect attempt to stderr.
    });
    void client.connect().catch(() => undefined);
    return { kind: "redis", client };
  }
  return { kind: "none" };
}

export async function pingRedis(backend: RedisBackend): Promise<void> {
  if (backend.kind === "none") return;
  const answer = await backend.client.ping();
  if (answer !== "PONG") throw new Error(`unexpected PING answer: ${String(answer)}`);
}
