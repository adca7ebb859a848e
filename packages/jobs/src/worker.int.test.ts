import { createPrismaClient, listEventPartitions, resolveDatabaseUrl } from "@bulwark/db";
import { createLogger } from "@bulwark/logger";
import { afterAll, describe, expect, it } from "vitest";
import { createBoss, QUEUES } from "./queue";
import { PARTITION_DAYS_AHEAD, startWorker } from "./worker";

const databaseUrl = resolveDatabaseUrl();
const prisma = createPrismaClient(databaseUrl, 4);
afterAll(() => prisma.$disconnect());

const utcDay = (offsetDays: number) => {
  const day = new Date();
  day.setUTCHours(0, 0, 0, 0);
  return new Date(day.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
};

describe("the queue worker", () => {
  it("starts, keeps event partitions ready a week ahead, schedules their upkeep and stops cleanly", async () => {
    const worker = await startWorker({ databaseUrl, prisma, log: createLogger("worker-test", "silent"), authSecret: "worker-test-secret-0123456789abcdef" });
    try {
      const days = new Set((await listEventPartitions(prisma)).map((p) => p.from.toISOString().slice(0, 10)));
      for (let offset = -1; offset <= PARTITION_DAYS_AHEAD; offset++) expect(days, `partition for ${utcDay(offset)}`).toContain(utcDay(offset));

      const producer = createBoss(databaseUrl, "producer");
      await producer.start();
      try {
        const schedules = await producer.getSchedules(QUEUES.maintainEventPartitions);
        expect(schedules.map((s) => s.cron)).toContain("7 * * * *");
      } finally {
        await producer.stop({ graceful: false });
      }
    } finally {
      await worker.stop();
    }
  });
});
