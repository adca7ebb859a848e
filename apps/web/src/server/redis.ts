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
    // Bounded waits instead of ioredis's patient defaults: while Redis is down a command fails
    // within about a second, and each caller decides whether that opens or closes (see the
    // rate limit policies).
    const client = new IORedis(env.REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 1_000, connectTimeout: 2_000 });
    client.on("error", () => {
      // Connection errors surface on the commands that fail; without a listener ioredis would
      // print every reconnect attempt to stderr.
    });
    return { kind: "redis", client };
  }
  return { kind: "none" };
}

export async function pingRedis(backend: RedisBackend): Promise<void> {
  if (backend.kind === "none") return;
  const answer = await backend.client.ping();
  if (answer !== "PONG") throw new Error(`unexpected PING answer: ${String(answer)}`);
}
