import { signUp as signUpOp } from "@bulwark/contracts";
import { accountOptionsFromEnv, appOrigin } from "@/server/auth/account-options";
import { route } from "@/server/http/route";
import { signUp } from "@/server/services/accounts/sign-up";

// POST /api/v1/auth/sign-up — create an account; the same answer whether or not the address was known
export const POST = route(signUpOp, { rateLimit: "auth.signup" }, ({ req, ctx, body }) =>
  signUp(ctx, body, { ...accountOptionsFromEnv(), appOrigin: appOrigin(req) }),
);
