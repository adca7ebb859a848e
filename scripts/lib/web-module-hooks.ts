// Lets a plain Node process (tsx) load the web app's server modules: `@/` is apps/web/src, as in
// Next and vitest.config.ts, and `server-only` — which only guards against client bundles — is
// an empty module. Used by the admin CLI and by tests that run the API in separate processes.
import { registerHooks } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export function registerWebModuleHooks(root: string): void {
  const webSrc = path.join(root, "apps", "web", "src");
  const emptyModule = pathToFileURL(path.join(root, "packages", "db", "src", "testing", "empty-module.ts")).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === "server-only") return { url: emptyModule, shortCircuit: true };
      if (specifier.startsWith("@/")) return nextResolve(pathToFileURL(path.join(webSrc, specifier.slice(2))).href, context);
      return nextResolve(specifier, context);
    },
  });
}
