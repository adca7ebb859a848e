import { handlers } from "@/server/auth/next-auth";

// GET, POST /api/auth/* — Auth.js's own endpoints (sign-in, OAuth callbacks, CSRF, session,
// sign-out). Not REST operations: listed in route-coverage.test.ts's NOT_OPERATIONS.
export const { GET, POST } = handlers;
