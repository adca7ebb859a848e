/** The parts of an identity a policy can count against. */
export type Dimension = "ip" | "email" | "principal" | "org";

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/**
 * What a policy does when the shared Redis cannot answer (down, timing out):
 * - `open`: admit — availability matters more than the limit;
 * - `closed`: refuse with 503 — the action is cheap to postpone and costly to abuse;
 * - `memory`: count in this process — still limited, but each instance counts on its own, so
 *   N instances allow up to N × the limit, and counters start from zero when the outage starts.
 */
export type BackendFailureMode = "open" | "closed" | "memory";

export interface RateLimitPolicy {
  /**
   * `sliding` weighs the previous window in, so a burst at a window boundary cannot double the
   * rate; `fixed` is one counter per window, cheapest, for high-volume throughput shaping.
   */
  algorithm: "fixed" | "sliding";
  /** Anonymous calls count against `ip` (and `email` when given); authenticated ones against
   * `principal` and `org`. Every present rule is checked and the strictest answer wins. */
  rules: Partial<Record<Dimension, RateLimitRule>>;
  onBackendFailure: BackendFailureMode;
}

const MINUTE = 60_000;

// Constants for now; per-deployment overrides belong in env.ts when an operator needs them.
const POLICIES = {
  // Password guessing. Per IP stops one source spraying many accounts; per email (counted
  // whether or not the account exists, so throttling reveals nothing) stops many sources
  // guessing one account. A per-email limit lets anyone delay a victim's sign-in by spending
  // its allowance — inherent to keying on the target, so that limit is the looser of the two
  // in practice. Memory fallback: opening would hand an attacker unlimited guesses during an
  // outage, closing would lock every user out.
  "auth.signin": {
    algorithm: "sliding",
    rules: { ip: { limit: 30, windowMs: 10 * MINUTE }, email: { limit: 10, windowMs: 15 * MINUTE } },
    onBackendFailure: "memory",
  },
  // The one anonymous write that creates durable rows and sends email. Refusing sign-ups for
  // the minutes Redis is down costs little (rare, retryable); letting each instance admit its
  // own allowance is what an account-farming bot would wait for.
  "auth.signup": {
    algorithm: "fixed",
    rules: { ip: { limit: 10, windowMs: 60 * MINUTE } },
    onBackendFailure: "closed",
  },
  // Single-use tokens from emails (invitation accept, email verification): high entropy, so
  // this only bounds the cost of junk; same reasoning as sign-in for the fallback.
  "auth.token": {
    algorithm: "sliding",
    rules: { ip: { limit: 30, windowMs: 10 * MINUTE } },
    onBackendFailure: "memory",
  },
  // Reads are idempotent and the API's main use; during an outage serving them matters more
  // than counting them (authentication and scopes still apply).
  "api.read": {
    algorithm: "sliding",
    rules: {
      ip: { limit: 120, windowMs: MINUTE },
      principal: { limit: 600, windowMs: MINUTE },
      org: { limit: 3_000, windowMs: MINUTE },
    },
    onBackendFailure: "open",
  },
  // Writes cost database work and can fan out (runs, webhooks); keep them bounded per
  // instance rather than unlimited, without refusing legitimate work.
  "api.write": {
    algorithm: "sliding",
    rules: {
      ip: { limit: 60, windowMs: MINUTE },
      principal: { limit: 120, windowMs: MINUTE },
      org: { limit: 600, windowMs: MINUTE },
    },
    onBackendFailure: "memory",
  },
  // Agent and sidecar event streams: volume shaping, not a security boundary, so the cheaper
  // fixed window; dropping telemetry during an outage would lose evidence, unlimited
  // ingestion would let one tenant flood the database — hence memory.
  ingest: {
    algorithm: "fixed",
    rules: { principal: { limit: 3_000, windowMs: MINUTE }, org: { limit: 12_000, windowMs: MINUTE } },
    onBackendFailure: "memory",
  },
  // Platform-admin actions. Rare; an operator must still be able to act during an incident,
  // so not closed, and a stolen admin session should not get unlimited calls, so not open.
  admin: {
    algorithm: "sliding",
    rules: { principal: { limit: 60, windowMs: MINUTE } },
    onBackendFailure: "memory",
  },
} satisfies Record<string, RateLimitPolicy>;

export type PolicyName = keyof typeof POLICIES;

export const POLICY_NAMES = Object.keys(POLICIES) as PolicyName[];

const overrides = new Map<PolicyName, Partial<RateLimitPolicy>>();

/** The policy in force: the constant above, with any test override applied. */
export function getPolicy(name: PolicyName): RateLimitPolicy {
  const base: RateLimitPolicy = POLICIES[name];
  if (!base) throw new Error(`unknown rate limit policy: ${String(name)}`);
  const override = overrides.get(name);
  return override ? { ...base, ...override } : base;
}

/** Replaces parts of a policy (a given `rules` replaces all rules). For tests. */
export function setPolicyOverride(name: PolicyName, override: Partial<RateLimitPolicy>): void {
  overrides.set(name, override);
}

export function clearPolicyOverrides(): void {
  overrides.clear();
}
