// ShellCheck over every shell script we ship or run: the container's entrypoint and health
// check, scripts/*.sh and CI. Without shellcheck the test is skipped locally and fails in CI
// (.ci/run installs it).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const scripts = [
  "docker-entrypoint.sh",
  "docker-healthcheck.sh",
  ".ci/run",
  ...readdirSync(path.join(root, "scripts")).filter((file) => file.endsWith(".sh")).map((file) => `scripts/${file}`),
];
const version = spawnSync("shellcheck", ["--version"], { encoding: "utf8" });
const available = version.status === 0;
const inCi = process.env.CI === "true";

function shellcheck(files: string[], input?: string) {
  // -x follows `source`; warnings and errors fail (info and style notes are advice).
  return spawnSync("shellcheck", ["-x", "--severity=warning", "--format=gcc", ...files], { cwd: root, input, encoding: "utf8" });
}

describe("shell scripts", () => {
  it.runIf(inCi)("have shellcheck available in CI", () => {
    expect(version.error?.message ?? "", "shellcheck is not installed (apt-get install -y shellcheck)").toBe("");
    expect(available).toBe(true);
  });

  describe.skipIf(!available)("pass shellcheck", () => {
    if (!available && !inCi) console.warn("shell scripts: shellcheck is not installed; skipped (apt-get install -y shellcheck)");

    it("finds problems (the check can fail)", () => {
      const bad = shellcheck(["-"], '#!/usr/bin/env bash\ncd "$1"\nrm -rf "$2"/*\n');
      expect(bad.status).not.toBe(0);
      expect(bad.stdout).toContain("SC2164"); // cd without `|| exit`, then rm in the wrong place
    });

    it.each(scripts)("%s", (script) => {
      const result = shellcheck([script]);
      expect(result.stdout + result.stderr, script).toBe("");
      expect(result.status).toBe(0);
    });
  });
});
