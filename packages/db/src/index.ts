export { prisma, pool, createPrismaClient, createDatabase, type Database } from "./client";
export { resolveDatabaseUrl, embeddedSettings } from "./database-url";
export { newId, isId, ID_PREFIXES, type IdKind } from "./ids";
export { Prisma, PrismaClient } from "./generated/prisma/index.js";
export type * from "./generated/prisma/index.js";
export {
  ensureEventPartitions,
  listEventPartitions,
  lockEventPartitions,
  eventPartitionName,
  startOfUtcDay,
  type EventPartition,
} from "./partitions";
export * from "./audit";
