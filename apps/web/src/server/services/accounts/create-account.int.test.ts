import { randomBytes } from "node:crypto";
import { AppError } from "@bulwark/contracts";
import { createPrismaClient, newId, type PrismaClient } from "@bulwark/db";
import { applyMigrations, assertTestDatabase } from "@bulwark/db/migrate";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/server/auth/password-hash";
import { admitSignUp } from "./admit-sign-up";
import { createAccount } from "./create-account";

// "The first account ever" is a property of a whole platform, and the shared test database has
// accounts from every other file. So this file makes a database of its own, empty, and runs the
// account services in transactions of a client connected to it (services take the caller's
// transaction). Nothing else touches it; it is dropped at the end.

let databaseName: string;
let adminUrl: string;
let db: PrismaClient;

beforeAll(async () => {
  const base = new URL(process.env.DATABASE_URL!);
  databaseName = `bw_first_account_test_${randomBytes(4).toString("hex")}`;
  adminUrl = base.toString();
  const url = new URL(base);
  url.pathname = `/${databaseName}`;
  assertTestDatabase(url.toString());
  await withAdminClient((client) => client.query(`CREATE DATABASE ${databaseName}`));
  await applyMigrations(url.toString());
  db = createPrismaClient(url.toString(), 25);
});

afterAll(async () => {
  await db?.$disconnect();
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
});

async function withAdminClient(fn: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

const request = { requestId: "req_test", ip: null, userAgent: "vitest" };

/** `count` sign-ups racing on the private database, as the sign-up service runs them. */
async function raceSignUps(count: number, passwordHash: string) {
  return Promise.allSettled(
    Array.from({ length: count }, (_, i) =>
      db.$transaction(async (tx) => {
        const email = `racer.${i}.${newId("user")}@example.test`;
        return createAccount(tx, { email, passwordHash, emailVerified: false }, { admit: (tx) => admitSignUp(tx, { email }), method: "password", request });
      }),
    ),
  );
}

describe("the first account", () => {
  it("of twenty concurrent sign-ups on an empty, open platform, exactly one becomes platform administrator", async () => {
    await db.platformSettings.create({ data: { id: "platform", signupMode: "OPEN" } });
    const results = await raceSignUps(20, await hashPassword("first come first served 1"));

    expect(results.every((r) => r.status === "fulfilled" && r.value.created)).toBe(true);
    expect(await db.user.count()).toBe(20);
    expect(await db.user.count({ where: { isPlatformAdmin: true } })).toBe(1);
    const grants = await db.auditLogEntry.findMany({ where: { orgId: null, action: "auth.signup", paramsPreview: { contains: "first_account" } } });
    expect(grants).toHaveLength(1);
  });

  it("is admitted in invite-only mode, and only it: nineteen racing strangers are refused", async () => {
    await db.user.deleteMany();
    await db.platformSettings.update({ where: { id: "platform" }, data: { signupMode: "INVITE_ONLY" } });
    const results = await raceSignUps(20, await hashPassword("first come first served 2"));

    const created = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason).toBeInstanceOf(AppError);
    expect(refused.every((r) => (r.reason as AppError).code === "forbidden")).toBe(true);
    expect(await db.user.findMany({ select: { isPlatformAdmin: true } })).toEqual([{ isPlatformAdmin: true }]);
  });

  it("is the only automatic one: later accounts are administrators only for a proven BULWARK_ADMIN_EMAIL", async () => {
    const adminEmail = `designated.${newId("user")}@example.test`;
    const create = (email: string, emailVerified: boolean) =>
      db.$transaction((tx) => createAccount(tx, { email, passwordHash: null, emailVerified }, { adminEmail, admit: async () => {}, method: "test", request }));

    const unproven = await create(adminEmail, false);
    expect(unproven.created && unproven.user.isPlatformAdmin).toBe(false);
    await db.user.delete({ where: { email: adminEmail } });
    const proven = await create(adminEmail, true);
    expect(proven.created && proven.user.isPlatformAdmin).toBe(true);
    const someoneElse = await create(`other.${newId("user")}@example.test`, true);
    expect(someoneElse.created && someoneElse.user.isPlatformAdmin).toBe(false);

    const again = await create(adminEmail, true);
    expect(again.created).toBe(false);
  });
});
