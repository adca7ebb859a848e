// The rate limiting layer's face: route() and auth call these; the rest is internal.
export { checkRateLimit } from "./check-rate-limit";
export { clientIp } from "./client-ip";
export { POLICY_NAMES, type PolicyName } from "./policies";
export { rateLimitError } from "./rate-limit-error";
export { rateLimitHeaders } from "./rate-limit-headers";
export type { RateLimitIdentity, RateLimitResult } from "./types";
