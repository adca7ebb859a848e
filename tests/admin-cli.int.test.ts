import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ROLE_SCOPES } from "@bulwark/contracts";
import { createPrismaClient, newId, prisma } from "@bulwark/db";
import { embeddedSettings, startEmbeddedPostgres } from "@bulwark/db/embedded";
import { createTestOrg } from "@bulwark/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/server/auth/authenticate-api-key";
import { verifyPassword } from "@/server/auth/password-hash";

// `npm run admin -- bootstrap` end to end: a child process, as an operator runs it, against the
// test database (DATABASE_URL), then the rows it left behind.

const root = path.join(import.meta.dirname, "..");
const tsx = createRequire(path.join(root, "package.json")).resolve("tsx/cli");
const PASSWORD = "granite ferry compass 52";

interface RunOptions {
  env?: Record<string, string>;
  stdin?: string;
  /** Run against the embedded server of this data dir instead of DATABASE_URL. */
  embedded?: { dataDir: string; port: number };
}

function admin(args: string[], { env = {}, stdin, embedded }: RunOptions = {}) {
  const database = embedded
    ? { BULWARK_DATA_DIR: embedded.dataDir, BULWARK_EMBEDDED_PG_PORT: String(embedded.port) }
    : { DATABASE_URL: process.env.DATABASE_URL! };
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, "scripts/admin.ts", ...args], {
      cwd: root,
      env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: process.env.HOME, ...database, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

beforeAll(async () => {
  // Not the first account on this platform: platform administration comes only from BULWARK_ADMIN_EMAIL.
  await createTestOrg("Existing tenant");
});

describe("npm run admin -- bootstrap", () => {
  it("creates an owner, an organization and an owner API key, and prints them as JSON", async () => {
    const email = `bootstrap.${newId("user")}@example.test`;
    const orgName = `Bootstrapped ${newId("org").slice(-6)}`;
    const run = await admin(["bootstrap", "--org", orgName, "--email", email.toUpperCase(), "--password", PASSWORD, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, string>;
    expect(Object.keys(printed).sort()).toEqual(["apiKey", "orgId", "userId"]);
    expect(printed.apiKey).toMatch(/^bwk_/);

    const user = await prisma.user.findUniqueOrThrow({ where: { id: printed.userId } });
    expect(user).toMatchObject({ email, isPlatformAdmin: false });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: printed.orgId } })).toMatchObject({ name: orgName });
    expect(await prisma.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: printed.orgId!, userId: user.id } } })).toMatchObject({ role: "OWNER" });

    // The key works, as its owner, with every owner scope.
    const principal = await authenticateApiKey(printed.apiKey!);
    expect(principal).toMatchObject({ orgId: printed.orgId, role: "owner", actor: { type: "api_key", userId: user.id } });
    expect([...principal.scopes].sort()).toEqual([...ROLE_SCOPES.owner].sort());

    const platform = await prisma.auditLogEntry.findFirstOrThrow({ where: { orgId: null, action: "auth.signup", targetId: user.id } });
    expect(platform.paramsPreview).toContain('"method":"cli"');
    const orgChain = await prisma.auditLogEntry.findMany({ where: { orgId: printed.orgId }, orderBy: { seq: "asc" } });
    expect(orgChain.map((e) => e.action)).toEqual(["org.create", "api_key.create"]);
    expect(JSON.stringify(orgChain, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(printed.apiKey);
  });

  it("fails clearly for an address that already has an account, creating nothing", async () => {
    const email = `twice.${newId("user")}@example.test`;
    const first = await admin(["bootstrap", "--org", "First run", "--email", email, "--password", PASSWORD, "--json"]);
    expect(first.code).toBe(0);
    const secondOrg = `Second run ${newId("org").slice(-8)}`;

    const second = await admin(["bootstrap", "--org", secondOrg, "--email", email, "--password", PASSWORD, "--json"]);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe("");
    expect(second.stderr).toMatch(/already exists.*nothing was created/);
    expect(await prisma.organization.count({ where: { name: secondOrg } })).toBe(0);
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: true, apiKeysCreated: true } });
    expect(user.memberships).toHaveLength(1);
    expect(user.apiKeysCreated).toHaveLength(1);
  });

  it("makes BULWARK_ADMIN_EMAIL a platform administrator, reading the password from stdin", async () => {
    const email = `designated.${newId("user")}@example.test`;
    const run = await admin(["bootstrap", "--org", "Platform team", "--email", email, "--password-stdin", "--json"], {
      env: { BULWARK_ADMIN_EMAIL: email },
      stdin: `${PASSWORD}\n`,
    });
    expect(run.code).toBe(0);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.isPlatformAdmin).toBe(true);
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
  });

  it("refuses a weak password and bad usage with exit code 1", async () => {
    const weak = await admin(["bootstrap", "--org", "Weak", "--email", `weak.${newId("user")}@example.test`, "--password", "short"]);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password/);
    const usage = await admin(["bootstrap", "--email", "x@example.test"]);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/^Usage: npm run admin -- bootstrap/);
  });

  it("works against the embedded server of BULWARK_DATA_DIR, whether it is running or not", { timeout: 180_000 }, async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "bulwark-cli-"));
    const port = await freePort();
    const settings = embeddedSettings({ NODE_ENV: "test", BULWARK_DATA_DIR: dataDir, BULWARK_EMBEDDED_PG_PORT: String(port) });
    try {
      // Not running: the CLI starts it (initialising the cluster), migrates, and stops it again.
      const cold = await admin(["bootstrap", "--org", "Cold start", "--email", "cold@example.test", "--password", PASSWORD, "--json"], { embedded: { dataDir, port } });
      expect(cold.code, cold.stderr).toBe(0);
      const coldIds = JSON.parse(cold.stdout) as { userId: string };

      // Running (as under `npm start`): the CLI reuses it and leaves it running.
      const server = await startEmbeddedPostgres(settings);
      try {
        expect(server.reused).toBe(false);
        const warm = await admin(["bootstrap", "--org", "Warm start", "--email", "warm@example.test", "--password", PASSWORD, "--json"], { embedded: { dataDir, port } });
        expect(warm.code, warm.stderr).toBe(0);
        const client = createPrismaClient(server.url, 2);
        try {
          const users = await client.user.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, email: true, isPlatformAdmin: true } });
          // A fresh platform: the first account is its administrator.
          expect(users).toEqual([
            { id: coldIds.userId, email: "cold@example.test", isPlatformAdmin: true },
            { id: (JSON.parse(warm.stdout) as { userId: string }).userId, email: "warm@example.test", isPlatformAdmin: false },
          ]);
        } finally {
          await client.$disconnect();
        }
        const again = await admin(["bootstrap", "--org", "Again", "--email", "warm@example.test", "--password", PASSWORD], { embedded: { dataDir, port } });
        expect(again.code).toBe(1);
      } finally {
        await server.stop();
      }
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
