// When the production build of apps/web is stale. One rule for everything that runs the built
// app: `npm start` (scripts/start.ts) and the browser tests' global setup (tests/e2e).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Why a production build is needed, or undefined when the last one is current. Rule: build when
 * apps/web/.next/BUILD_ID is missing, or when any input is newer than it — files under
 * apps/web/src, apps/web/public, packages/<pkg>/src (this includes the generated Prisma client,
 * so `npm install` triggers a rebuild), plus apps/web's package.json, tsconfig.json and
 * next.config.*, prisma/schema.prisma and package-lock.json. Timestamps, not content hashes:
 * a touched-but-unchanged file costs one extra build, never a stale one.
 */
export function buildReason(root: string): string | undefined {
  const webDir = path.join(root, "apps", "web");
  const buildId = path.join(webDir, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  const builtAt = statSync(buildId).mtimeMs;
  const packages = path.join(root, "packages");
  const inputs = [
    path.join(webDir, "src"), path.join(webDir, "public"),
    ...readdirSync(webDir).filter((f) => /^(package\.json|tsconfig\.json|next\.config\.\w+)$/.test(f)).map((f) => path.join(webDir, f)),
    ...readdirSync(packages).map((p) => path.join(packages, p, "src")),
    path.join(root, "prisma", "schema.prisma"), path.join(root, "package-lock.json"),
  ];
  const newer = inputs.map((input) => newerFile(input, builtAt)).find(Boolean);
  return newer ? `${path.relative(root, newer)} changed since the last build` : undefined;
}

function newerFile(file: string, than: number): string | undefined {
  if (!existsSync(file)) return undefined;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs > than ? file : undefined;
  for (const entry of readdirSync(file)) {
    if (entry === "node_modules") continue;
    const found = newerFile(path.join(file, entry), than);
    if (found) return found;
  }
  return undefined;
}
