import "server-only";
import type { SignupModeSettings } from "@bulwark/contracts";
import type { UserContext } from "@/server/auth/principal";
import { assertPlatformAdmin } from "./assert-platform-admin";
import { getPlatformSettings, toSignupMode } from "./platform-settings";

export async function getSignupMode(ctx: UserContext): Promise<SignupModeSettings> {
  assertPlatformAdmin(ctx);
  return { mode: toSignupMode((await getPlatformSettings()).signupMode) };
}
