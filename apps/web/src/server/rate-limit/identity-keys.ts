import { createHash } from "node:crypto";
import type { Dimension, RateLimitPolicy, RateLimitRule } from "./policies";
import type { RateLimitIdentity } from "./types";

export interface IdentityKey {
  dimension: Dimension;
  /** The value counted, unique within the policy's dimension. */
  id: string;
  rule: RateLimitRule;
}

/**
 * The counters one request spends: per principal and per organization when authenticated,
 * per IP otherwise, plus per email when the policy has an email rule and one is given.
 * Order matters: keys are spent in this order and a refusal stops the rest (see spend()).
 */
export function identityKeys(policy: RateLimitPolicy, identity: RateLimitIdentity): IdentityKey[] {
  const keys: IdentityKey[] = [];
  const add = (dimension: Dimension, id: string | undefined) => {
    const rule = policy.rules[dimension];
    if (rule && id) keys.push({ dimension, id, rule });
  };

  if (identity.principalId) {
    add("principal", identity.principalId);
    add("org", identity.orgId);
  } else {
    // One shared bucket for callers whose address is unknown: they throttle each other
    // instead of escaping the limit by hiding the address.
    add("ip", identity.ip ?? "unknown");
  }
  // Keys live in Redis and logs; a hash keeps addresses out of both while staying stable.
  if (identity.email) add("email", sha256(identity.email.trim().toLowerCase()));

  // A policy that cannot count this caller is a wiring mistake; the IP is the last resort,
  // and failing loudly beats silently not limiting.
  if (keys.length === 0) add("ip", identity.ip ?? "unknown");
  if (keys.length === 0) throw new Error("rate limit policy has no rule for this caller");
  return keys;
}

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}
