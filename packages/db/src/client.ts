import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/index.js";
import { resolveDatabaseUrl } from "./database-url";

export interface Database {
  prisma: PrismaClient;
  /**
   * The pool under `prisma`, for the few bulk statements on hot paths (ingest): Prisma's raw
   * queries pass every parameter through its query compiler, which costs milliseconds for a
   * batch's column arrays. Everything else goes through `prisma`.
   */
  pool: pg.Pool;
}

export function createDatabase(databaseUrl: string = resolveDatabaseUrl(), max = 10): Database {
  // Idle connections must not keep a finished script or test process alive.
  const pool = new pg.Pool({ connectionString: databaseUrl, max, allowExitOnIdle: true });
  // An idle connection the server drops emits "error" on the pool; unhandled, that would crash
  // the process. The next query on a fresh connection reports any lasting problem.
  pool.on("error", () => {});
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
}

export function createPrismaClient(databaseUrl: string = resolveDatabaseUrl(), max = 10): PrismaClient {
  return createDatabase(databaseUrl, max).prisma;
}

// One database per process. Next's dev server re-evaluates modules on reload, so the instance
// lives on globalThis to avoid leaking a pool per reload.
const globalForDatabase = globalThis as unknown as { bulwarkDatabase?: Database };
const database = (globalForDatabase.bulwarkDatabase ??= createDatabase());

export const prisma: PrismaClient = database.prisma;
export const pool: pg.Pool = database.pool;
