import { getSignupMode as getSignupModeOp, updateSignupMode as updateSignupModeOp } from "@bulwark/contracts";
import { route } from "@/server/http/route";
import { getSignupMode } from "@/server/services/platform/get-signup-mode";
import { updateSignupMode } from "@/server/services/platform/update-signup-mode";

// GET /api/v1/admin/signup-mode — who may sign up now
export const GET = route(getSignupModeOp, {}, ({ ctx }) => getSignupMode(ctx));

// PUT /api/v1/admin/signup-mode — choose open, invite-only or allowlist
export const PUT = route(updateSignupModeOp, {}, ({ ctx, body }) => updateSignupMode(ctx, body));
