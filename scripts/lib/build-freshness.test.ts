import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildReason } from "./build-freshness";

let root: string;

function file(relative: string, ageSeconds: number): void {
  const full = path.join(root, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, "");
  const time = Date.now() / 1000 - ageSeconds;
  utimesSync(full, time, time);
}

function repo(): void {
  root = mkdtempSync(path.join(os.tmpdir(), "build-freshness-"));
  file("apps/web/package.json", 100);
  file("apps/web/src/app/page.tsx", 100);
  file("packages/ui/src/button.tsx", 100);
  file("packages/ui/node_modules/dep/index.js", 100);
  file("prisma/schema.prisma", 100);
  file("package-lock.json", 100);
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("buildReason", () => {
  it("asks for a build when there is none", () => {
    repo();
    expect(buildReason(root)).toBe("no build yet");
  });

  it("accepts a build newer than every input", () => {
    repo();
    file("apps/web/.next/BUILD_ID", 10);
    expect(buildReason(root)).toBeUndefined();
  });

  it.each([
    "apps/web/src/app/page.tsx",
    "packages/ui/src/button.tsx",
    "apps/web/package.json",
    "prisma/schema.prisma",
    "package-lock.json",
  ])("names %s when it changed after the build", (input) => {
    repo();
    file("apps/web/.next/BUILD_ID", 10);
    file(input, 1);
    expect(buildReason(root)).toBe(`${input} changed since the last build`);
  });

  it("ignores node_modules and files outside the inputs", () => {
    repo();
    file("apps/web/.next/BUILD_ID", 10);
    file("packages/ui/node_modules/dep/index.js", 1);
    file("tests/e2e/some.e2e.test.ts", 1);
    expect(buildReason(root)).toBeUndefined();
  });
});
