import { AppError } from "@bulwark/contracts";
import type { RetentionTally } from "../retention-tally";
import type { ArchiveStore } from "./archive-store";

/**
 * Puts one object, or stops the whole cleanup: retention deletes nothing whose archive failed,
 * and an unreachable store will fail the next object too. The 503 names the target, never the
 * cause (that is logged with the request id).
 */
export async function archiveOrStop(store: ArchiveStore, tally: RetentionTally, key: string, body: string, contentType: string): Promise<void> {
  try {
    await store.put(key, body, contentType);
    tally.objectsArchived += 1;
  } catch (cause) {
    throw new AppError("service_unavailable", "Archiving failed, so retention stopped; nothing that was not archived was deleted.", {
      details: { archive: store.target, ...tally.counts() },
      cause,
    });
  }
}
