import "server-only";
import { unauthorized } from "@bulwark/contracts";
import { env } from "@/env";
import { assertSameOrigin } from "./assert-same-origin";
import { authenticateApiKey } from "./authenticate-api-key";
import { authenticateSession } from "./authenticate-session";
import type { Principal } from "./principal";

/**
 * An API key in `Authorization: Bearer …`, else the session cookie. A request that presents a
 * key is judged by the key alone: a bad key is a 401 even when a valid cookie rides along.
 */
export async function authenticate(req: Request): Promise<Principal> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthorized("Send the API key as `Authorization: Bearer <key>`.");
    return authenticateApiKey(match[1]!);
  }
  const principal = await authenticateSession(req);
  if (!principal) throw unauthorized();
  assertSameOrigin(req, env.AUTH_URL ? new URL(env.AUTH_URL).origin : undefined);
  return principal;
}
