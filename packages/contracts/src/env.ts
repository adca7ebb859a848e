import { z } from "zod";

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

/**
 * The optional LLM judge (an OpenAI-compatible endpoint), read by whichever process runs the
 * queue worker: apps/worker, or the web app's inline worker. Off unless URL and model are set.
 */
export const JUDGE_ENV = {
  /** e.g. https://api.openai.com/v1 or a local vLLM/Ollama `/v1`. */
  BULWARK_JUDGE_URL: z.url().optional(),
  BULWARK_JUDGE_API_KEY: z.string().min(1).optional(),
  BULWARK_JUDGE_MODEL: z.string().min(1).max(200).optional(),
  /** `1` lets the judge live on a private address (a local model server). */
  BULWARK_JUDGE_ALLOW_PRIVATE_NETWORK: z.enum(["0", "1"]).default("0"),
};

/**
 * OpenTelemetry tracing, read by the web app and the worker. Off (no SDK loaded) unless an OTLP
 * endpoint is set. The exporter speaks OTLP/HTTP with JSON bodies, which every collector's HTTP
 * receiver (port 4318) accepts; another protocol is refused here rather than silently ignored.
 */
export const TRACING_ENV = {
  /** Base URL of an OTLP/HTTP receiver, e.g. http://otel-collector:4318 (`/v1/traces` is appended). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** The full traces URL, used as given; overrides the base endpoint for traces. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.literal("http/json", "Bulwark exports OTLP over HTTP as JSON: use http/json").optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: z.literal("http/json", "Bulwark exports OTLP over HTTP as JSON: use http/json").optional(),
  /** Defaults to `bulwark-web` for the web app and `bulwark-worker` for the worker. */
  OTEL_SERVICE_NAME: z.string().min(1).max(200).optional(),
  /**
   * Extra export headers in the standard `key=value,key2=value2` form (a collector token). The
   * exporter reads it itself; it is declared so start-up and the environment reference know it.
   */
  OTEL_EXPORTER_OTLP_HEADERS: z.string().min(1).optional(),
  /** Longest wait before buffered spans are exported, in ms. */
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(100).max(60_000).default(5_000),
};
