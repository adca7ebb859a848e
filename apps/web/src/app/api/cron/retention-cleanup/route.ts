import { env } from "@/env";
import { cron } from "@/server/http/cron";
import { archiveFromConfig } from "@/server/services/retention/archive/archive-from-config";
import { runRetentionCleanup } from "@/server/services/retention/run-retention-cleanup";

export const dynamic = "force-dynamic";
// Dropping partitions and archiving can take minutes on a large install.
export const maxDuration = 900;

// POST /api/cron/retention-cleanup — applies every project's retention (archive first, then delete); 409 while one is running
export const POST = cron({ secret: env.CRON_SECRET, name: "retention-cleanup" }, ({ requestId }) =>
  runRetentionCleanup({ archive: archiveFromConfig(env), archiveEvents: env.RETENTION_ARCHIVE_EVENTS === "1", requestId }),
);
