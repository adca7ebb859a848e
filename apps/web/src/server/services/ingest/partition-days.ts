import "server-only";
import { type EventPartition, listEventPartitions, prisma } from "@bulwark/db";

// The partition list changes a few times a day (the worker adds days ahead, retention drops
// old ones); reading the catalog on every batch would be the most frequent query of ingest.
const CACHE_MS = 30_000;
let cached: { at: number; partitions: EventPartition[] } | null = null;

/** Whether a partition of `events` holds `ts` (an insert into a day without one would fail the batch). */
export async function partitionCheck(now = Date.now()): Promise<(ts: Date) => boolean> {
  if (!cached || now - cached.at > CACHE_MS) cached = { at: now, partitions: await listEventPartitions(prisma) };
  const { partitions } = cached;
  return (ts) => partitions.some((p) => p.from <= ts && ts < p.to);
}

/** Forgets the cached list, e.g. after an insert found a partition missing. */
export function forgetPartitions(): void {
  cached = null;
}
