import { createHash } from "node:crypto";
import type { Redis as IORedis } from "ioredis";
import { describe, expect, it } from "vitest";
import { ioredisAdapter } from "./ioredis-adapter";
import { redis7Script } from "./redis7-script";

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
const body = "\n  return redis.call('INCR', KEYS[1])\n";

describe("redis7Script", () => {
  it("drops allow-key-locking but keeps the shebang and the body byte for byte", () => {
    expect(redis7Script(`#!lua flags=allow-key-locking${body}`)).toBe(`#!lua${body}`);
  });

  it("keeps flags Redis 7 knows", () => {
    expect(redis7Script(`#!lua flags=no-writes,allow-key-locking,allow-stale${body}`)).toBe(`#!lua flags=no-writes,allow-stale${body}`);
  });

  it("leaves unknown flags for Redis to refuse, and scripts without a shebang alone", () => {
    expect(redis7Script(`#!lua flags=some-future-flag${body}`)).toBe(`#!lua flags=some-future-flag${body}`);
    expect(redis7Script(body)).toBe(body);
  });
});

/** Records what reaches Redis; knows only the scripts EVAL has loaded, like Redis does. */
function fakeRedis() {
  const cache = new Map<string, string>();
  const calls: string[] = [];
  const client = {
    async evalsha(sha: string) {
      calls.push(`EVALSHA ${sha}`);
      if (!cache.has(sha)) throw new Error("NOSCRIPT No matching script. Please use EVAL.");
      return cache.get(sha);
    },
    async eval(script: string) {
      calls.push(`EVAL ${sha1(script)}`);
      if (script.includes("allow-key-locking")) throw new Error("ERR Unexpected flag in script shebang: allow-key-locking");
      cache.set(sha1(script), script);
      return script;
    },
  };
  return { client: client as unknown as IORedis, cache, calls };
}

describe("ioredisAdapter SHA handling", () => {
  const original = `#!lua flags=allow-key-locking${body}`;
  const originalSha = sha1(original);
  const compatibleSha = sha1(`#!lua${body}`);

  it("passes an unknown SHA through, then redirects it to the rewritten script after EVAL", async () => {
    const { client, calls } = fakeRedis();
    const redis = ioredisAdapter(client) as unknown as Record<"evalsha" | "eval", (...a: unknown[]) => Promise<unknown>>;
    await expect(redis.evalsha(originalSha, ["k"], [])).rejects.toThrow(/NOSCRIPT/);
    await redis.eval(original, ["k"], []);
    expect(await redis.evalsha(originalSha, ["k"], [])).toBe(`#!lua${body}`);
    expect(calls).toEqual([`EVALSHA ${originalSha}`, `EVAL ${compatibleSha}`, `EVALSHA ${compatibleSha}`]);
  });

  it("does not redirect a SHA that does not name the rewritten text", async () => {
    const { client, calls } = fakeRedis();
    const redis = ioredisAdapter(client) as unknown as Record<"evalsha" | "eval", (...a: unknown[]) => Promise<unknown>>;
    await redis.eval(original, ["k"], []);
    const wrong = "40daf4a441df736f5c99f8b77bbe176c909e5de4";
    await expect(redis.evalsha(wrong, ["k"], [])).rejects.toThrow(/NOSCRIPT/);
    expect(calls.at(-1)).toBe(`EVALSHA ${wrong}`);
  });

  it("reloads the rewritten script when Redis lost its script cache", async () => {
    const { client, cache, calls } = fakeRedis();
    const redis = ioredisAdapter(client) as unknown as Record<"evalsha" | "eval", (...a: unknown[]) => Promise<unknown>>;
    await redis.eval(original, ["k"], []);
    cache.clear();
    expect(await redis.evalsha(originalSha, ["k"], [])).toBe(`#!lua${body}`);
    expect(calls.slice(-2)).toEqual([`EVALSHA ${compatibleSha}`, `EVAL ${compatibleSha}`]);
  });
});
