import { createHash } from "node:crypto";
import type { RatelimitConfig } from "@upstash/ratelimit";
import type { Redis as IORedis } from "ioredis";
import { redis7Script } from "./redis7-script";

/** The client @upstash/ratelimit talks to (it also calls `eval` on the NOSCRIPT path). */
export type RatelimitRedis = RatelimitConfig["redis"];

interface LoadedScript {
  sha: string;
  script: string;
}

/**
 * Lets @upstash/ratelimit run on a self-hosted Redis through ioredis. The library only needs
 * `evalsha`, falling back to `eval` on NOSCRIPT (`get`/`set` serve its dynamic limits).
 *
 * Its scripts carry a shebang flag stock Redis 7 rejects, so `eval` runs a rewritten script
 * (see redis7Script) — whose SHA differs from the one the library sends to `evalsha`. The map
 * below ties the two: it is keyed by the SHA1 *we compute* of the library's script text, so an
 * `evalsha` is redirected only when its SHA names exactly the text we rewrote. A library hash
 * that does not match its script (2.2.0 ships one, for tokenBucket's getRemaining) never
 * matches, passes through, gets NOSCRIPT, and the library retries with `eval` — slower, never
 * wrong. Until the first `eval`, every SHA passes through the same way.
 */
export function ioredisAdapter(client: IORedis): RatelimitRedis {
  const loaded = new Map<string, LoadedScript>();

  async function run(script: LoadedScript, keys: string[], args: unknown[]): Promise<unknown> {
    try {
      return await client.evalsha(script.sha, keys.length, ...keys, ...argv(args));
    } catch (error) {
      // The script cache is empty after a Redis restart or SCRIPT FLUSH.
      if (!isNoScript(error)) throw error;
      return client.eval(script.script, keys.length, ...keys, ...argv(args));
    }
  }

  const adapter = {
    async evalsha<TArgs extends unknown[], TData = unknown>(sha: string, keys: string[], args: TArgs): Promise<TData> {
      const known = loaded.get(sha);
      if (known) return (await run(known, keys, args)) as TData;
      return (await client.evalsha(sha, keys.length, ...keys, ...argv(args))) as TData;
    },
    async eval<TArgs extends unknown[], TData = unknown>(script: string, keys: string[], args: TArgs): Promise<TData> {
      const compatible = redis7Script(script);
      const entry = { sha: sha1(compatible), script: compatible };
      loaded.set(sha1(script), entry);
      // EVAL also caches the script server-side, so later EVALSHAs of entry.sha hit.
      return (await client.eval(compatible, keys.length, ...keys, ...argv(args))) as TData;
    },
    async get<TData>(key: string): Promise<TData | null> {
      const value = await client.get(key);
      return value === null ? null : (parseJson(value) as TData);
    },
    async set<TData>(key: string, value: TData, opts?: unknown): Promise<"OK" | TData | null> {
      // Only dynamic limits call set, without options; refuse options rather than ignore them.
      if (opts !== undefined) throw new Error("ioredisAdapter.set does not support options");
      return client.set(key, serialize(value));
    },
  };
  return adapter as RatelimitRedis;
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith("NOSCRIPT");
}

// Same serialisation as @upstash/redis: strings and numbers as they are, the rest as JSON.
function serialize(value: unknown): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if (value === null || value === undefined) return "";
  return JSON.stringify(value);
}

function argv(args: unknown[]): (string | number)[] {
  return args.map(serialize);
}

// @upstash/redis deserialises replies as JSON where they parse, so `get` does too.
function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
