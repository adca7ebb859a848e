import type { ArchiveStore } from "./archive-store";
import { directoryArchive } from "./directory-archive";
import { s3Archive } from "./s3-archive";

export interface ArchiveConfig {
  RETENTION_ARCHIVE_DIR?: string | undefined;
  RETENTION_ARCHIVE_S3_URL?: string | undefined;
  RETENTION_ARCHIVE_S3_ACCESS_KEY_ID?: string | undefined;
  RETENTION_ARCHIVE_S3_SECRET_ACCESS_KEY?: string | undefined;
  RETENTION_ARCHIVE_S3_REGION?: string | undefined;
}

/** The configured archive target (env.ts checks the combinations), or null for none. */
export function archiveFromConfig(config: ArchiveConfig): ArchiveStore | null {
  if (config.RETENTION_ARCHIVE_S3_URL) {
    return s3Archive(config.RETENTION_ARCHIVE_S3_URL, {
      accessKeyId: config.RETENTION_ARCHIVE_S3_ACCESS_KEY_ID ?? "",
      secretAccessKey: config.RETENTION_ARCHIVE_S3_SECRET_ACCESS_KEY ?? "",
      region: config.RETENTION_ARCHIVE_S3_REGION ?? "us-east-1",
    });
  }
  return config.RETENTION_ARCHIVE_DIR ? directoryArchive(config.RETENTION_ARCHIVE_DIR) : null;
}
