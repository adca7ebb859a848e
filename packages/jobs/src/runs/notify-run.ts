import type { PrismaClient } from "@bulwark/db";
import { RUN_UPDATES_CHANNEL } from "./channels";

/**
 * Tells every web instance that a run moved (a turn, a story step, a finding, its status), so
 * open streams send the change now. Best effort: streams also poll, so a lost notice only
 * delays an update by a moment.
 */
export async function notifyRunUpdate(prisma: PrismaClient, runId: string): Promise<void> {
  await prisma.$executeRaw`SELECT pg_notify(${RUN_UPDATES_CHANNEL}, ${runId})`.catch(() => undefined);
}
