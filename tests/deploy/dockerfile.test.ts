// Dockerfile.customer, checked by parsing it (no Docker engine here): base image, workspaces for
// npm ci, non-root user, standalone output, health check and entrypoint.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Stages and their instructions; comments dropped, backslash continuations joined. */
export function parseDockerfile(text: string): Stage[] {
  const logical = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === "FROM") {
      const [from = "", , name] = args.split(/\s+/);
      stages.push({ from, name: name?.toLowerCase(), instructions: [] });
    } else {
      if (stages.length === 0) throw new Error(`${keyword} before FROM`);
      stages.at(-1)!.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

const stages = parseDockerfile(readFileSync(path.join(root, "Dockerfile.customer"), "utf8"));
const final = stages.at(-1)!;
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

describe("Dockerfile.customer", () => {
  it("builds every stage on Node 24 (Debian bookworm, slim)", () => {
    expect(stages.map((s) => s.name)).toEqual(["deps", "build", "runtime"]);
    for (const stage of stages) expect(stage.from === "deps" || stage.from === "node:24-bookworm-slim", stage.name).toBe(true);
    expect(readFileSync(path.join(root, ".nvmrc"), "utf8").trim()).toMatch(/^24(\.|$)/);
  });

  it("copies the package.json of every workspace before npm ci", () => {
    const copied = all(stages[0]!, "COPY").map((args) => args.split(/\s+/)[0]);
    const workspaces = ["apps", "packages"].flatMap((parent) =>
      readdirSync(path.join(root, parent)).filter((name) => existsSync(path.join(root, parent, name, "package.json"))).map((name) => `${parent}/${name}/package.json`),
    );
    expect(workspaces.length).toBeGreaterThanOrEqual(11);
    for (const file of workspaces) expect(copied, file).toContain(file);
    expect(all(stages[0]!, "RUN")).toContain("npm ci --no-audit --no-fund");
  });

  it("runs the final stage as a numeric non-root user", () => {
    const users = all(final, "USER");
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!.split(":")[0]!;
    expect(user).toMatch(/^\d+$/); // numeric: Kubernetes' runAsNonRoot can only verify a number
    expect(Number(user)).toBeGreaterThan(0);
    // The Kubernetes manifests run as the same user.
    expect(readFileSync(path.join(root, "deploy/k8s/web-deployment.yaml"), "utf8")).toContain(`runAsUser: ${user}`);
  });

  it("ships Next's standalone output with its static files", () => {
    expect(readFileSync(path.join(root, "apps/web/next.config.ts"), "utf8")).toMatch(/output:\s*"standalone"/);
    expect(all(stages[1]!, "RUN").join(" ")).toContain("npm run build -w @bulwark/web");
    // That build puts Prisma's query compiler where the standalone server looks for it.
    const webPackage = JSON.parse(readFileSync(path.join(root, "apps/web/package.json"), "utf8")) as { scripts: { build: string } };
    expect(webPackage.scripts.build).toBe("next build && node scripts/complete-standalone.mjs");
    const copies = all(final, "COPY");
    expect(copies).toContain("--from=build /app/apps/web/.next/static /app/apps/web/.next/standalone/apps/web/.next/static");
    expect(copies).toContain("--from=build /app /app");
    expect(readFileSync(path.join(root, "docker-entrypoint.sh"), "utf8")).toContain("apps/web/.next/standalone/apps/web/server.js");
  });

  it("checks health through the role-aware script and starts through the entrypoint", () => {
    expect(all(final, "HEALTHCHECK")).toEqual([expect.stringMatching(/CMD \["docker-healthcheck\.sh"\]$/)]);
    expect(all(final, "ENTRYPOINT")).toEqual(['["docker-entrypoint.sh"]']);
    expect(all(final, "CMD")).toEqual(['["web"]']);
  });

  it("keeps secrets and local state out of the build context", () => {
    const ignored = readFileSync(path.join(root, ".dockerignore"), "utf8").split("\n");
    for (const entry of [".env", ".env.*", "**/node_modules", "**/.next", ".bulwark", ".git"]) expect(ignored, entry).toContain(entry);
  });

  it("parses what it is given: a USER in an earlier stage does not count for the final one", () => {
    const parsed = parseDockerfile("FROM node:24 AS a\nUSER 1000\nFROM node:24 \\\n  AS b\nRUN true");
    expect(parsed.map((s) => s.name)).toEqual(["a", "b"]);
    expect(all(parsed[1]!, "USER")).toEqual([]);
  });
});
