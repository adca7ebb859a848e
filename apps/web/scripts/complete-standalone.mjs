// Runs after `next build`. The Prisma client bundled into the server finds its query compiler
// (WebAssembly) and schema at process.cwd()/packages/db/src/generated/prisma, and the standalone
// server.js changes into its own directory (apps/web) before anything runs; file tracing put them
// at the standalone root instead. Without this copy, every query of `node server.js` (the image's
// web role) fails with ENOENT on query_compiler_bg.wasm.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

const appDir = path.resolve(import.meta.dirname, "..");
const standalone = path.join(appDir, ".next/standalone");
if (existsSync(standalone)) {
  const generated = path.resolve(appDir, "../../packages/db/src/generated/prisma");
  const target = path.join(standalone, "apps/web/packages/db/src/generated/prisma");
  mkdirSync(target, { recursive: true });
  const files = readdirSync(generated).filter((file) => file.endsWith(".wasm") || file === "schema.prisma");
  if (!files.some((file) => file.endsWith(".wasm"))) throw new Error(`no Prisma query compiler (.wasm) in ${generated}: run prisma generate`);
  for (const file of files) copyFileSync(path.join(generated, file), path.join(target, file));
  console.log(`standalone: copied ${files.join(", ")} to ${path.relative(appDir, target)}`);
}
