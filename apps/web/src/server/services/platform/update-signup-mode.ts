import "server-only";
import type { SignupModeSettings, UpdateSignupModeInput } from "@bulwark/contracts";
import type { UserContext } from "@/server/auth/principal";
import { inTransaction, type Tx } from "@/server/db/transaction";
import { assertPlatformAdmin } from "./assert-platform-admin";
import { getPlatformSettings, PLATFORM_SETTINGS_ID, toSignupMode } from "./platform-settings";
import { recordPlatformAudit } from "./record-platform-audit";

export async function updateSignupMode(ctx: UserContext, input: UpdateSignupModeInput, { tx }: { tx?: Tx } = {}): Promise<SignupModeSettings> {
  assertPlatformAdmin(ctx);
  return inTransaction(tx, async (tx) => {
    const before = await getPlatformSettings({ tx });
    const after = await tx.platformSettings.update({
      where: { id: PLATFORM_SETTINGS_ID },
      data: { signupMode: input.mode.toUpperCase() as "OPEN" | "INVITE_ONLY" | "ALLOWLIST" },
    });
    await recordPlatformAudit(tx, ctx, "signup_mode.update", { type: "platform", id: PLATFORM_SETTINGS_ID }, { from: toSignupMode(before.signupMode), to: input.mode });
    return { mode: toSignupMode(after.signupMode) };
  });
}
