// npm run ops -- daily --sample <N> --out <dir> [--org <id>]
// npm run ops -- weekly --out <dir> [--org <id>] [--days 7]
//
// Operational sampling. `daily` checks N random completed runs: the evidence chain verifies,
// the report renders in every format, and every evidence id a finding cites exists. `weekly`
// summarises failed and inconclusive turns of the last 7 days by category with the most common
// errors. Both write ops-<command>-<date>.json and .md into <dir>. Exit code 0 when all is well,
// 1 when the daily check found a problem or anything failed, 2 for a usage error.
//
// Against DATABASE_URL, or else the embedded PostgreSQL of BULWARK_DATA_DIR (as `npm run admin`).
// The checks are the web app's own services; the module hooks let this plain Node process load them.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { embeddedSettings, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@bulwark/db/embedded";
import { findRepoRoot } from "@bulwark/db/migrate";
import { registerWebModuleHooks } from "./lib/web-module-hooks";

registerWebModuleHooks(findRepoRoot());

const USAGE = "Usage: npm run ops -- daily --sample <N> --out <dir> [--org <id>]\n       npm run ops -- weekly --out <dir> [--org <id>] [--days <N>]";
class UsageError extends Error {}

function positiveInt(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a positive integer\n${USAGE}`);
  return value;
}

async function write(dir: string, base: string, json: unknown, markdown: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = [path.join(dir, `${base}.json`), path.join(dir, `${base}.md`)];
  await writeFile(files[0]!, `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(files[1]!, markdown);
  return files;
}

async function daily(values: { sample?: string; out?: string; org?: string }): Promise<number> {
  if (!values.out) throw new UsageError(USAGE);
  const sample = positiveInt("sample", values.sample);
  const { checkRunSample } = await import("../apps/web/src/server/services/ops/check-run-sample");
  const result = await checkRunSample({ sample, orgId: values.org });
  const lines = [
    `# Daily ops sample — ${result.checkedAt}`,
    "",
    `${result.sampled} completed run(s) sampled, **${result.problems} with problems**.`,
    "",
    "| Run | Org | Evidence chain | Reports | Findings' evidence |",
    "| --- | --- | --- | --- | --- |",
    ...result.runs.map(
      (run) =>
        `| ${run.runId} | ${run.orgId} | ${run.evidence.ok ? `ok (${run.evidence.items})` : `BROKEN at ${JSON.stringify(run.evidence.firstMismatch)}`} | ` +
        `${run.reportErrors.length === 0 ? "all formats render" : run.reportErrors.map((e) => `${e.format}: ${e.error}`).join("; ")} | ` +
        `${run.missingEvidence.length === 0 ? "present" : `${run.missingEvidence.length} missing`} |`,
    ),
    "",
  ];
  const files = await write(values.out, `ops-daily-${result.checkedAt.slice(0, 10)}`, result, lines.join("\n"));
  console.log(`${result.sampled} run(s) checked, ${result.problems} with problems; wrote ${files.join(", ")}`);
  return result.problems === 0 ? 0 : 1;
}

async function weekly(values: { out?: string; org?: string; days?: string }): Promise<number> {
  if (!values.out) throw new UsageError(USAGE);
  const days = values.days ? positiveInt("days", values.days) : 7;
  const { summarizeTurnFailures } = await import("../apps/web/src/server/services/ops/summarize-turn-failures");
  const summary = await summarizeTurnFailures({ days, orgId: values.org });
  const lines = [
    `# Weekly ops summary — ${summary.from} to ${summary.to}`,
    "",
    "| Category | Failed | Inconclusive | Most common errors |",
    "| --- | ---: | ---: | --- |",
    ...summary.categories.map(
      (c) => `| ${c.category} | ${c.failed} | ${c.inconclusive} | ${c.topErrors.map((e) => `${e.count}× ${e.error.replaceAll("|", "\\|")}`).join("<br>") || "—"} |`,
    ),
    "",
  ];
  const files = await write(values.out, `ops-weekly-${summary.to.slice(0, 10)}`, summary, lines.join("\n"));
  console.log(`${summary.categories.length} categor(ies) with failed or inconclusive turns; wrote ${files.join(", ")}`);
  return 0;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== "daily" && command !== "weekly") throw new UsageError(USAGE);
  const { values } = parseArgs({
    args,
    options: { sample: { type: "string" }, out: { type: "string" }, org: { type: "string" }, days: { type: "string" } },
    strict: true,
  });
  let embedded: EmbeddedPostgresHandle | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres(embeddedSettings(), { log: (line) => console.error(line) });
    // Read when the database client is first imported, below: it must name the server in use.
    process.env.DATABASE_URL = embedded.url;
  }
  const { prisma } = await import("@bulwark/db");
  try {
    return command === "daily" ? await daily(values) : await weekly(values);
  } finally {
    await prisma.$disconnect();
    if (embedded && !embedded.reused) await embedded.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(`ops: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
