import { verifyEmail as verifyEmailOp } from "@bulwark/contracts";
import { accountOptionsFromEnv } from "@/server/auth/account-options";
import { route } from "@/server/http/route";
import { verifyEmail } from "@/server/services/accounts/verify-email";

// POST /api/v1/auth/verify-email — use a verification link's token (once, within 24 hours)
export const POST = route(verifyEmailOp, { rateLimit: "auth.token" }, async ({ ctx, body }) => {
  await verifyEmail(ctx, body, accountOptionsFromEnv());
  return new Response(null, { status: 204 });
});
