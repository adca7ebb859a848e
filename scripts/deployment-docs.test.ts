// DEPLOYMENT.md's environment reference and .env.example cannot drift from what the processes
// actually read: their env schemas (each app's src/env.ts), the start script and the container
// files.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";

const root = path.join(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

const SCHEMA_READERS = ["web", "worker", "sidecar", "demo-agent"] as const;
type SchemaReader = (typeof SCHEMA_READERS)[number];
const FILE_READERS: Record<string, string[]> = {
  start: ["scripts/start.ts"],
  container: ["docker-entrypoint.sh", "docker-compose.customer.yml", "Dockerfile.customer"],
};

/** Set by the shell or the system, not by an operator. */
const SHELL_VARIABLES = new Set(["BASH_SOURCE", "TMPDIR"]);

/** Variable → the processes that read it, from every table row of "## Environment reference". */
function documentedVariables(markdown: string): Map<string, Set<string>> {
  const section = markdown.split(/^## /m).find((part) => part.startsWith("Environment reference\n"));
  if (!section) throw new Error('DEPLOYMENT.md has no "## Environment reference" section');
  const documented = new Map<string, Set<string>>();
  for (const [, name, readers] of section.matchAll(/^\| `([A-Za-z_][A-Za-z0-9_]*)` \| ([^|]+) \|/gm)) {
    const set = documented.get(name!) ?? new Set<string>();
    for (const reader of readers!.split(",")) set.add(reader.trim());
    documented.set(name!, set);
  }
  return documented;
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();
function difference(a: Iterable<string>, b: Iterable<string>): string[] {
  const exclude = new Set(b);
  return sorted([...a].filter((name) => !exclude.has(name)));
}

let schemaKeys: Record<SchemaReader, string[]>;
const documented = documentedVariables(read("DEPLOYMENT.md"));
const readBy = (reader: string) => sorted([...documented].filter(([, readers]) => readers.has(reader)).map(([name]) => name));

beforeAll(async () => {
  // The sidecar refuses to load without its two required variables.
  vi.stubEnv("BULWARK_URL", "http://127.0.0.1:3000");
  vi.stubEnv("BULWARK_SIDECAR_TOKEN", "bws_docs-test-token");
  const keys = (module: { EnvSchema: z.ZodObject }) => Object.keys(module.EnvSchema.shape);
  schemaKeys = {
    web: keys(await import("../apps/web/src/env")),
    worker: keys(await import("../apps/worker/src/env")),
    sidecar: keys(await import("../apps/sidecar/src/env")),
    "demo-agent": keys(await import("../apps/demo-agent/src/env")),
  };
  vi.unstubAllEnvs();
});

describe("DEPLOYMENT.md environment reference", () => {
  it("names only known readers", () => {
    const known = new Set<string>([...SCHEMA_READERS, ...Object.keys(FILE_READERS)]);
    const unknown = [...documented].flatMap(([name, readers]) => [...readers].filter((r) => !known.has(r)).map((r) => `${name}: ${r}`));
    expect(documented.size).toBeGreaterThan(40);
    expect(unknown).toEqual([]);
  });

  it.each(SCHEMA_READERS)("lists exactly the variables of the %s env schema", (reader) => {
    expect({
      [`in the ${reader} env schema, missing from DEPLOYMENT.md`]: difference(schemaKeys[reader], readBy(reader)),
      [`in DEPLOYMENT.md as read by ${reader}, not in its env schema`]: difference(readBy(reader), schemaKeys[reader]),
    }).toEqual({
      [`in the ${reader} env schema, missing from DEPLOYMENT.md`]: [],
      [`in DEPLOYMENT.md as read by ${reader}, not in its env schema`]: [],
    });
  });

  it.each(Object.entries(FILE_READERS))("matches what the %s files read", (reader, files) => {
    const text = files.map(read).join("\n");
    const referenced = [...text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)|process\.env\.([A-Z_][A-Z0-9_]*)/g)].map((m) => (m[1] ?? m[2])!).filter((name) => !SHELL_VARIABLES.has(name));
    expect({
      [`documented as read by ${reader}, not in ${files.join(", ")}`]: readBy(reader).filter((name) => !text.includes(name)),
      [`read in ${files.join(", ")}, missing from DEPLOYMENT.md`]: difference(referenced, documented.keys()),
    }).toEqual({
      [`documented as read by ${reader}, not in ${files.join(", ")}`]: [],
      [`read in ${files.join(", ")}, missing from DEPLOYMENT.md`]: [],
    });
  });
});

describe(".env.example", () => {
  // The platform's own configuration file: every variable the web app or the worker reads, except
  // NODE_ENV, which the tooling sets. Sidecar and demo agent run beside the agent, not here.
  const example = sorted([...read(".env.example").matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!));

  it("mentions every variable of the web app and the worker", () => {
    const platform = difference([...schemaKeys.web, ...schemaKeys.worker], ["NODE_ENV"]);
    expect({ "missing from .env.example": difference(platform, example) }).toEqual({ "missing from .env.example": [] });
  });

  it("mentions nothing DEPLOYMENT.md does not document", () => {
    expect({ "in .env.example, not in DEPLOYMENT.md": difference(example, documented.keys()) }).toEqual({ "in .env.example, not in DEPLOYMENT.md": [] });
  });
});
