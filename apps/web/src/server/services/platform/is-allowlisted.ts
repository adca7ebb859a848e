import "server-only";
import { prisma } from "@bulwark/db";
import type { Tx } from "@/server/db/transaction";

/**
 * Whether `email` (normalised) is on the allowlist: as itself, or by its exact domain. A domain
 * entry does not cover subdomains — `example.com` admits `ada@example.com`, not
 * `eve@evil.example.com` — so an entry never admits more than it names.
 */
export async function isAllowlisted(email: string, { tx }: { tx?: Tx } = {}): Promise<boolean> {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const entry = await (tx ?? prisma).allowlistEntry.findFirst({
    where: { OR: [{ kind: "EMAIL", value: email }, { kind: "DOMAIN", value: domain }] },
    select: { id: true },
  });
  return entry !== null;
}
