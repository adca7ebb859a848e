import "server-only";
import type { SignupMode } from "@bulwark/contracts";
import { prisma, type PlatformSettings } from "@bulwark/db";
import type { Tx } from "@/server/db/transaction";

export const PLATFORM_SETTINGS_ID = "platform";

/**
 * The one settings row, created on first use with the schema's defaults (sign-up by invitation
 * only). INSERT … ON CONFLICT rather than an upsert: concurrent first readers must not fail on
 * the primary key.
 */
export async function getPlatformSettings({ tx }: { tx?: Tx } = {}): Promise<PlatformSettings> {
  const db = tx ?? prisma;
  await db.$executeRaw`INSERT INTO platform_settings (id, updated_at) VALUES (${PLATFORM_SETTINGS_ID}, now()) ON CONFLICT (id) DO NOTHING`;
  return db.platformSettings.findUniqueOrThrow({ where: { id: PLATFORM_SETTINGS_ID } });
}

export function toSignupMode(mode: PlatformSettings["signupMode"]): SignupMode {
  return mode.toLowerCase() as SignupMode;
}
