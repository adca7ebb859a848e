/** Who is calling, as far as rate limiting cares. Anything absent is simply not a key. */
export interface RateLimitIdentity {
  /** Client address from `clientIp()`; anonymous callers are keyed by it. */
  ip?: string;
  /** User id or API key id of an authenticated caller. */
  principalId?: string;
  /** Organization the authenticated call acts in. */
  orgId?: string;
  /** Email a sign-in attempt names (normalised and hashed before it becomes a key). */
  email?: string;
}

/** What one limiter says about one key. `reset` is epoch milliseconds. */
export interface LimitOutcome {
  success: boolean;
  limit: number;
  remaining: number;
  reset: number;
}

/** One counter: a policy's rule applied to one dimension of the identity. */
export interface Limiter {
  limit(id: string): Promise<LimitOutcome>;
}

/**
 * The answer for a request: the most restrictive of the policy's per-key outcomes.
 * `degraded` is set when the shared backend failed and the policy's fallback decided.
 */
export interface RateLimitResult extends LimitOutcome {
  policy: string;
  /** Whole seconds to wait, present only when `success` is false. */
  retryAfterSeconds?: number;
  degraded?: "open" | "closed" | "memory";
}
