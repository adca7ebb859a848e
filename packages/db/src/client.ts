import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/index.js";
import { resolveDatabaseUrl } from "./database-url";

export function createPrismaClient(databaseUrl: string = resolveDatabaseUrl(), max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max }) });
}

// One client per process. Next's dev server re-evaluates modules on reload, so the instance
// lives on globalThis to avoid leaking a pool per reload.
const globalForPrisma = globalThis as unknown as { bulwarkPrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.bulwarkPrisma ?? createPrismaClient();
globalForPrisma.bulwarkPrisma = prisma;
