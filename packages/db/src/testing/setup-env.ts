import { inject } from "vitest";

// Runs in each test worker before the test file's imports, so the Prisma singleton and the
// web app's env.ts see the database the global setup prepared.
process.env.DATABASE_URL = inject("databaseUrl");
