import type { z } from "zod";

/**
 * Parses environment variables with `schema`, naming every missing or invalid variable in one
 * error so start-up fails once with the whole list. An empty assignment (`REDIS_URL=` in a .env
 * file) counts as unset.
 */
export function parseEnv<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.output<T> {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  throw new Error(`Invalid environment configuration:\n${problems.join("\n")}`);
}
