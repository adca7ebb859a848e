import { spawnSync } from "node:child_process";
import { it } from "vitest";

/**
 * Prometheus's `promtool` (Debian: `apt-get install prometheus`), or null. CI must have it: the
 * checks that use it fail there instead of skipping.
 */
export function findPromtool(): string | null {
  const candidate = process.env.PROMTOOL_PATH ?? "promtool";
  return spawnSync(candidate, ["--version"], { stdio: "ignore" }).status === 0 ? candidate : null;
}

/** Runs `promtool <args>` with `input` on stdin; returns its exit code and output. */
export function runPromtool(promtool: string, args: string[], input?: string) {
  const result = spawnSync(promtool, args, { input, encoding: "utf8", timeout: 30_000 });
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

/**
 * `it` for a test that needs promtool: skipped (with the reason printed) when it is missing on a
 * developer machine, run — and failing with that reason — when CI=true.
 */
export function itWithPromtool(promtool: string | null) {
  if (promtool || process.env.CI === "true") return it;
  console.warn("promtool not found (install the Debian package `prometheus` or set PROMTOOL_PATH): skipping the promtool checks");
  return it.skip;
}

/** Fails a CI run that has no promtool with a clear message. */
export function requirePromtool(promtool: string | null): string {
  if (!promtool) throw new Error("promtool is required in CI: install the Debian package `prometheus` (.ci/run does) or set PROMTOOL_PATH");
  return promtool;
}
