export const GUARDED_FETCH_ERROR_CODES = [
  "invalid_request",
  "blocked_address",
  "blocked_scheme",
  "blocked_port",
  "dns_failed",
  "timeout",
  "too_large",
  "network",
  "aborted",
] as const;
export type GuardedFetchErrorCode = (typeof GUARDED_FETCH_ERROR_CODES)[number];

/**
 * Why a guarded call did not produce a response. Messages are written for the project's own
 * operators: they never echo a response body, never name the address a host resolved to (that
 * would turn the platform into an oracle for internal DNS), and never include URL credentials.
 */
export class GuardedFetchError extends Error {
  override readonly name = "GuardedFetchError";

  constructor(
    readonly code: GuardedFetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}
