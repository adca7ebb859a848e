import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** A key prefix no other test (or session sharing this Redis) can collide with. */
export function uniquePrefix(label: string): string {
  return `bwtest:rl:${label}:${randomUUID()}`;
}

/**
 * Deletes the keys matching a pattern. The Redis is shared, so the pattern must name a test
 * run's UUID: a typo cannot turn cleanup into deleting someone else's keys.
 */
export async function deleteMatching(client: Redis, pattern: string): Promise<number> {
  if (!UUID.test(pattern)) throw new Error(`refusing to delete keys by a pattern without a run id: ${pattern}`);
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", pattern, "COUNT", 1_000);
    if (keys.length > 0) deleted += await client.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  return deleted;
}
