// One "app process" for the cross-process accuracy test: its own Redis connection, its own
// limiter (own SHA map, own ephemeral cache), spending one shared key. Prints {"ready":true},
// waits for "go" on stdin so both processes fire together, then fires `count` concurrent
// checks and prints {"admitted","refused","degraded"}. "go <epoch ms>" fires at that instant, so
// both processes start together even though the parent writes to them one after the other.
import { createInterface } from "node:readline";
import { Redis } from "ioredis";
import { createRateLimiter } from "../create-rate-limiter";
import { setPolicyOverride } from "../policies";

const [algorithm, prefix, principalId, count, limit, windowMs] = process.argv.slice(2);
if (algorithm !== "fixed" && algorithm !== "sliding") throw new Error("usage: limit-worker <fixed|sliding> <prefix> <principal> <count> <limit> <windowMs>");
const redisUrl = process.env.REDIS_URL;
if (!redisUrl) throw new Error("REDIS_URL is required");

const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
setPolicyOverride("api.write", {
  algorithm,
  rules: { principal: { limit: Number(limit), windowMs: Number(windowMs) }, org: { limit: 100_000, windowMs: Number(windowMs) } },
});
const limiter = createRateLimiter({ backend: { kind: "redis", client }, prefix });
// Warm up on another key: the burst should measure counting, not the first NOSCRIPT → EVAL.
await limiter.check("api.write", { principalId: `${principalId}_warmup`, orgId: "org_warmup" });
console.log(JSON.stringify({ ready: true }));

const lines = createInterface({ input: process.stdin });
let at = Date.now();
for await (const line of lines) {
  const [word, when] = line.trim().split(" ");
  if (word === "go") {
    at = Number(when ?? at);
    break;
  }
}
lines.close();
await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

const results = await Promise.all(
  Array.from({ length: Number(count) }, () => limiter.check("api.write", { principalId, orgId: "org_crossprocess" })),
);
console.log(
  JSON.stringify({
    admitted: results.filter((r) => r.success).length,
    refused: results.filter((r) => !r.success).length,
    degraded: results.filter((r) => r.degraded).length,
  }),
);
client.disconnect();
