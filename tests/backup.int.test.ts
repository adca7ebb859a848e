import { createHash } from "node:crypto";
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  adminQuery, backupToolsProblem, createBackupSourceDatabase, keepWriting, runScript, seedOrgWithCompletedRun, urlWithDatabase,
} from "./support/backup-database";
import { repoRoot } from "./support/processes";

// scripts/backup.sh and scripts/restore-check.sh against the real server: a backup of seeded data
// restores with identical row counts and verifying chains, and every way it can go wrong — a
// corrupt file, a forged manifest, a chain tampered before the backup, a failing pg_dump — is a
// non-zero exit. Scratch databases are the scripts' own; this file drops its source database.

const serverUrl = process.env.DATABASE_URL!;
const problem = backupToolsProblem(serverUrl);
// CI must prove backups restore; only a developer machine without the client tools may skip.
if (problem && process.env.CI === "true") throw new Error(`backup tests cannot run: ${problem}`);
if (problem) console.warn(`backup tests skipped: ${problem}`);

const SCRATCH_PREFIX = "bulwark_restore_check_";
const DAY_MS = 86_400_000;
let source: Awaited<ReturnType<typeof createBackupSourceDatabase>>;
let first: Awaited<ReturnType<typeof seedOrgWithCompletedRun>>;
let tmp: string;
let preexistingScratch: string[] = [];

const backupFiles = async (dir: string) => (await readdir(dir)).filter((name) => !name.startsWith(".")).sort();
const scratchDatabases = async () =>
  (await adminQuery(serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE $1", [`${SCRATCH_PREFIX}%`])).rows.map((row) => row.datname as string);
/** Scratch databases left behind by this file's runs (one kept by hand before it is not ours). */
const leftScratch = async () => (await scratchDatabases()).filter((name) => !preexistingScratch.includes(name));
const tableCounts = async (url: string) => (await adminQuery(url, await readFile(path.join(repoRoot, "scripts/lib/table-counts.sql"), "utf8"))).rows;

async function backup(dir: string, ...args: string[]) {
  const result = await runScript("backup.sh", ["--dir", dir, ...args], { DATABASE_URL: source.url });
  expect(result.code, result.stderr).toBe(0);
  const dump = (await backupFiles(dir)).filter((name) => /^bulwark-\d{8}T\d{6}Z\.dump$/.test(name)).at(-1)!;
  return path.join(dir, dump);
}

const restoreCheck = (dump: string, ...args: string[]) => runScript("restore-check.sh", [...args, dump], { DATABASE_URL: source.url });

/** Fake earlier backups (all three files each), named `ageDays` before now. */
async function fakeBackups(dir: string, ageDays: number[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const bases = ageDays.map((days) => `bulwark-${new Date(Date.now() - days * DAY_MS).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`);
  for (const base of bases) {
    for (const ext of [".dump", ".counts.tsv", ".sha256"]) await writeFile(path.join(dir, base + ext), "an older backup");
  }
  await writeFile(path.join(dir, "notes.txt"), "not a backup");
  await writeFile(path.join(dir, "bulwark-manual.dump"), "not named by backup.sh");
  return bases;
}

describe.skipIf(problem !== null)("backup.sh and restore-check.sh", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "bulwark-backup-test-"));
    preexistingScratch = await scratchDatabases();
    source = await createBackupSourceDatabase(serverUrl);
    first = await seedOrgWithCompletedRun(source.db, "first");
  });

  afterAll(async () => {
    await source?.drop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it("backs up, restores into a scratch database with identical row counts and verifying chains, and drops it", async () => {
    const dir = path.join(tmp, "ok");
    const dump = await backup(dir);
    const base = path.basename(dump, ".dump");
    expect(await backupFiles(dir)).toEqual([`${base}.counts.tsv`, `${base}.dump`, `${base}.sha256`]);

    const sourceCounts = await tableCounts(source.url);
    const manifest = (await readFile(path.join(dir, `${base}.counts.tsv`), "utf8")).trimEnd().split("\n");
    expect(manifest).toEqual(sourceCounts.map((row) => Object.values(row)[0]));
    expect(manifest).toEqual(expect.arrayContaining(["public.evidence_items\t3", "public.audit_log_entries\t4", "public.events\t1", "public.runs\t1"]));

    const result = await restoreCheck(dump, "--keep");
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("checksum        ok");
    expect(result.stdout).toMatch(/row counts {6}ok: \d+ tables/);
    expect(result.stdout).toContain("audit chains: 2 checked, 4 entries verified");
    expect(result.stdout).toContain("evidence chains: 1 run(s) checked, 3 links");
    expect(result.stdout).toContain("restore-check: OK");

    // The script's word is not enough: count the kept copy ourselves, then drop it.
    const scratch = /restore {9}ok into (\S+)/.exec(result.stdout)![1]!;
    try {
      expect(await tableCounts(urlWithDatabase(serverUrl, scratch))).toEqual(sourceCounts);
    } finally {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    }
    const again = await restoreCheck(dump);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(await leftScratch()).toEqual([]);
  });

  it("refuses a corrupted dump on its checksum, before restoring anything", async () => {
    const dir = path.join(tmp, "corrupt");
    const dump = await backup(dir);
    const bytes = await readFile(dump);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(dump, bytes);

    const result = await restoreCheck(dump);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("CHECKSUM MISMATCH");
    expect(result.stdout).not.toContain("restore ");
    expect(await leftScratch()).toEqual([]);

    // Cut short and re-summed: the checksum passes, pg_restore cannot read the archive.
    const base = path.basename(dump, ".dump");
    const cut = bytes.subarray(0, Math.floor(bytes.length / 3));
    await writeFile(dump, cut);
    const sums = await readFile(path.join(dir, `${base}.sha256`), "utf8");
    await writeFile(path.join(dir, `${base}.sha256`), sums.replace(/^[0-9a-f]{64}(?= {2}.*\.dump$)/m, createHash("sha256").update(cut).digest("hex")));
    const truncated = await restoreCheck(dump);
    expect(truncated.code, truncated.stdout + truncated.stderr).toBe(1);
    expect(truncated.stdout).toContain("checksum        ok");
    expect(truncated.stderr).toContain(`cannot read ${base}.dump`);
    expect(await leftScratch()).toEqual([]);
  });

  it("reports a row count that differs from the manifest, even with checksums recomputed to match", async () => {
    const dir = path.join(tmp, "forged-manifest");
    const dump = await backup(dir);
    const base = path.basename(dump, ".dump");
    const manifestPath = path.join(dir, `${base}.counts.tsv`);
    const forged = (await readFile(manifestPath, "utf8")).replace("public.evidence_items\t3", "public.evidence_items\t4");
    await writeFile(manifestPath, forged);
    const sha256 = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex");
    await writeFile(path.join(dir, `${base}.sha256`), `${await sha256(dump)}  ${base}.dump\n${await sha256(manifestPath)}  ${base}.counts.tsv\n`);

    const result = await restoreCheck(dump);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain("checksum        ok");
    expect(result.stdout).toContain("row counts      MISMATCH");
    expect(result.stdout).toContain("public.evidence_items: 4 at backup, 3 restored");
    expect(result.stdout).toContain("hash chains     ok");
    expect(result.stdout).toContain("restore-check: FAILED (1 check(s))");
    expect(await leftScratch()).toEqual([]);
  });

  it("takes the row counts in the dump's own snapshot while the app keeps writing", async () => {
    const writer = keepWriting(source.db, first);
    try {
      await vi.waitUntil(() => writer.writes() > 0, { timeout: 10_000 });
      const before = writer.writes();
      const dump = await backup(path.join(tmp, "busy"));
      expect(writer.writes() - before, "writes while pg_dump ran").toBeGreaterThan(0);
      await writer.stop();

      const result = await restoreCheck(dump);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(/row counts {6}ok/);
      expect(result.stdout).toContain("chains: all verify");
    } finally {
      await writer.stop();
    }
  });

  it("reports evidence and audit chains tampered in the source before the backup", async () => {
    const second = await seedOrgWithCompletedRun(source.db, "second");
    // The attacker with database access: replica mode switches the append-only triggers off.
    await source.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.$executeRaw`UPDATE evidence_items SET payload = '{"text":"yes, here it is"}' WHERE run_id = ${second.runId} AND seq = 2`;
      await tx.$executeRaw`UPDATE audit_log_entries SET action = 'project.read' WHERE org_id = ${second.orgId} AND seq = 2`;
    });
    const dump = await backup(path.join(tmp, "tampered"));

    const result = await restoreCheck(dump);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/row counts {6}ok/);
    expect(result.stdout).toContain("hash chains     FAILED");
    expect(result.stdout).toContain(`evidence chain of run ${second.runId} (org ${second.orgId}): BROKEN at seq 2 (hash_mismatch)`);
    expect(result.stdout).toContain(`audit chain ${second.orgId}: BROKEN at seq 2 (hash_mismatch)`);
    expect(result.stdout).not.toContain(first.runId);
    expect(result.stdout).toContain("chains: 2 BROKEN");
    expect(await leftScratch()).toEqual([]);
  });

  it("retention deletes only backups beyond the newest N, and with an age limit only those also older than it", async () => {
    const byCount = path.join(tmp, "retention-count");
    const [oneDay, threeDays] = await fakeBackups(byCount, [1, 3, 10, 20]);
    const newest = path.basename(await backup(byCount, "--keep", "3"), ".dump");
    expect(await backupFiles(byCount)).toEqual(
      [newest, oneDay!, threeDays!].flatMap((base) => [`${base}.counts.tsv`, `${base}.dump`, `${base}.sha256`]).concat("bulwark-manual.dump", "notes.txt").sort(),
    );

    const byAge = path.join(tmp, "retention-age");
    const old = await fakeBackups(byAge, [1, 3, 10, 20]);
    const result = await runScript("backup.sh", ["--dir", byAge], { DATABASE_URL: source.url, BACKUP_KEEP: "1", BACKUP_MAX_AGE_DAYS: "15" });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`retention: deleted ${old[3]}`);
    expect(result.stdout).toContain("retention: deleted 1 backup(s)");
    // Ten days old is beyond the newest one but younger than 15 days: kept.
    const left = await backupFiles(byAge);
    expect(left).toEqual(expect.arrayContaining(old.slice(0, 3).map((base) => `${base}.dump`)));
    expect(left.filter((name) => name.startsWith(old[3]!))).toEqual([]);
    expect(left.filter((name) => name.endsWith(".dump"))).toHaveLength(5); // the new one, three kept, bulwark-manual.dump
  });

  it("a failed backup deletes nothing and leaves no partial files", async () => {
    const dir = path.join(tmp, "failing");
    const older = await fakeBackups(dir, [10, 20]);
    const listing = await readdir(dir);
    expect(listing).toEqual(expect.arrayContaining(older.map((base) => `${base}.dump`)));

    const unreachable = await runScript("backup.sh", ["--dir", dir, "--keep", "1"], { DATABASE_URL: urlWithDatabase(serverUrl, "no_such_database_for_backup") });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain("cannot connect");

    // pg_dump that dies halfway through writing its file (the real psql and pg_restore beside it).
    const bin = path.join(tmp, "failing-bin");
    await mkdir(bin);
    const realTool = (tool: string) => (process.env.PG_BIN_DIR ? path.join(process.env.PG_BIN_DIR, tool) : tool);
    for (const tool of ["psql", "pg_restore"]) await writeFile(path.join(bin, tool), `#!/bin/sh\nexec ${realTool(tool)} "$@"\n`);
    await writeFile(
      path.join(bin, "pg_dump"),
      `#!/bin/sh\n[ "$1" = --version ] && exec ${realTool("pg_dump")} --version\nfor a; do case "$a" in --file=*) echo partial > "\${a#--file=}";; esac; done\necho "pg_dump: error: connection lost" >&2\nexit 1\n`,
    );
    for (const tool of ["psql", "pg_restore", "pg_dump"]) await chmod(path.join(bin, tool), 0o755);
    const dying = await runScript("backup.sh", ["--dir", dir, "--keep", "1", "--pg-bin-dir", bin], { DATABASE_URL: source.url });
    expect(dying.code).toBe(1);
    expect(dying.stderr).toContain("pg_dump failed");

    // Everything as it was (the lock file aside), including no `.partial` left by the dying pg_dump.
    expect((await readdir(dir)).filter((name) => name !== ".backup.lock").sort()).toEqual(listing.sort());
  });

  it("keeps the password off the client tools' command lines (ps shows them to every user) and hands it over as PGPASSWORD", async () => {
    // Tools that log their arguments and PGPASSWORD, then run the real ones. The server trusts
    // local connections, so the password is accepted whatever it is.
    const bin = path.join(tmp, "logging-bin");
    const log = path.join(tmp, "tool-calls.log");
    await mkdir(bin);
    const realTool = (tool: string) => (process.env.PG_BIN_DIR ? path.join(process.env.PG_BIN_DIR, tool) : tool);
    for (const tool of ["psql", "pg_dump", "pg_restore"]) {
      await writeFile(path.join(bin, tool), `#!/bin/sh\necho "${tool} $* PGPASSWORD=$PGPASSWORD" >> ${log}\nexec ${realTool(tool)} "$@"\n`);
      await chmod(path.join(bin, tool), 0o755);
    }
    const password = "s3cret%2Fpw";
    const withPassword = source.url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+)@/, `$1:${password}@`);
    expect(withPassword).toContain(password);
    const dir = path.join(tmp, "password");
    const backedUp = await runScript("backup.sh", ["--dir", dir, "--pg-bin-dir", bin], { DATABASE_URL: withPassword });
    expect(backedUp.code, backedUp.stderr).toBe(0);
    const dump = path.join(dir, (await backupFiles(dir)).find((name) => name.endsWith(".dump"))!);
    // Its exit code is not the point here (an earlier test tampered the source's chains); that
    // it connected, restored and counted with the password handed over is.
    const checked = await runScript("restore-check.sh", ["--pg-bin-dir", bin, dump], { DATABASE_URL: withPassword });
    expect(checked.stdout).toMatch(/row counts +ok: /);

    const calls = (await readFile(log, "utf8")).trimEnd().split("\n");
    expect(calls.map((call) => call.split(" ")[0])).toEqual(expect.arrayContaining(["psql", "pg_dump", "pg_restore"]));
    for (const call of calls) {
      const [args, handed] = call.split(" PGPASSWORD=");
      expect(args).not.toContain("s3cret");
      expect(handed).toBe("s3cret/pw"); // percent-decoded
    }
  });

  it("names the way out when pg_dump is older than the server", async () => {
    const bin = path.join(tmp, "old-bin");
    await mkdir(bin);
    await copyFile(path.join(tmp, "failing-bin", "psql"), path.join(bin, "psql"));
    await copyFile(path.join(tmp, "failing-bin", "pg_restore"), path.join(bin, "pg_restore"));
    await writeFile(path.join(bin, "pg_dump"), '#!/bin/sh\necho "pg_dump (PostgreSQL) 12.22"\n');
    for (const tool of ["psql", "pg_restore", "pg_dump"]) await chmod(path.join(bin, tool), 0o755);
    const result = await runScript("backup.sh", ["--dir", path.join(tmp, "old"), "--pg-bin-dir", bin], { DATABASE_URL: source.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/pg_dump 12 \(.*\) cannot work with a PostgreSQL \d+ server: install the version \d+ client tools/);
  });

  it("rejects bad arguments with usage errors (exit 2)", async () => {
    for (const args of [["--keep", "0"], ["--max-age-days", "x"], ["--compress", "12"], ["--bogus"]]) {
      const result = await runScript("backup.sh", ["--dir", path.join(tmp, "usage"), ...args], { DATABASE_URL: source.url });
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("--help");
    }
    const noFile = await runScript("restore-check.sh", [], { DATABASE_URL: source.url });
    expect(noFile.code).toBe(2);
  });
});
