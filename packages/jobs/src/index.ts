export { createBoss, checkQueue, QUEUES, type QueueName, type QueueRole } from "./queue";
export { startWorker, maintainEventPartitions, PARTITION_DAYS_AHEAD, type RunningWorker, type WorkerOptions } from "./worker";
export * from "./runs";
export * from "./usage";
