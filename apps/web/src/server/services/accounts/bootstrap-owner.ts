import "server-only";
import { AppError, conflict, CreateOrganizationInput, EmailAddress, type Scope, scopesForRole } from "@bulwark/contracts";
import { prisma } from "@bulwark/db";
import type { UserContext } from "@/server/auth/principal";
import { hashPassword } from "@/server/auth/password-hash";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { createOrganization } from "@/server/services/organizations/create-organization";
import { memberContext } from "@/server/services/organizations/member-context";
import type { RequestFacts } from "./account-options";
import { createAccount } from "./create-account";
import { assertPasswordPolicy } from "./password-policy";

export interface BootstrapInput {
  email: string;
  password: string;
  name?: string | null;
  orgName: string;
}

export interface BootstrapResult {
  orgId: string;
  userId: string;
  /** The owner API key's secret; only its hash is stored. */
  apiKey: string;
}

/**
 * An account, an organization it owns and an owner API key, for `npm run admin -- bootstrap`:
 * the same services the API and sign-up use, in one transaction, so a failure (an address that
 * already has an account, above all) leaves nothing behind. The operator runs it with database
 * access, so the sign-up mode does not apply and the address counts as verified; it becomes a
 * platform administrator if it is the first account or BULWARK_ADMIN_EMAIL.
 */
export async function bootstrapOwner(input: BootstrapInput, options: { adminEmail?: string | undefined; request: RequestFacts }): Promise<BootstrapResult> {
  const parsedEmail = EmailAddress.safeParse(input.email);
  if (!parsedEmail.success) throw new AppError("validation_failed", "The email is not a valid email address.");
  const email = parsedEmail.data;
  const orgInput = CreateOrganizationInput.safeParse({ name: input.orgName });
  if (!orgInput.success) throw new AppError("validation_failed", `The organization name is not valid: ${orgInput.error.issues.map((i) => i.message).join("; ")}`);
  assertPasswordPolicy(input.password, email);
  const passwordHash = await hashPassword(input.password);

  return prisma.$transaction(
    async (tx) => {
      const result = await createAccount(
        tx,
        { email, name: input.name ?? null, passwordHash, emailVerified: true },
        { adminEmail: options.adminEmail, admit: async () => {}, method: "cli", request: options.request },
      );
      if (!result.created) throw conflict(`An account with the email ${email} already exists; nothing was created.`);
      const { user } = result;
      const userCtx: UserContext = { ...options.request, userId: user.id, isPlatformAdmin: user.isPlatformAdmin, orgId: null };
      const org = await createOrganization(userCtx, orgInput.data, { tx });
      const scopes: Scope[] = [...scopesForRole("owner")];
      const key = await createApiKey(memberContext(userCtx, org.id, "owner"), { name: "Bootstrap owner key", scopes }, { tx });
      return { orgId: org.id, userId: user.id, apiKey: key.key };
    },
    // Several audited inserts across two chains; well beyond the 5 s default only on a sick database.
    { timeout: 30_000 },
  );
}
