import { z } from "zod";
import { OutboundUrl } from "../net/outbound-url";

/**
 * The optional LLM judge: an OpenAI-compatible Chat Completions endpoint. `url` is the API base
 * (`https://api.openai.com/v1`, `http://localhost:11434/v1`); the judge posts to
 * `{url}/chat/completions`. Off unless the platform configures one.
 */
export const LlmJudgeConfig = z.strictObject({
  url: OutboundUrl("use apiKey"),
  // No line breaks: the key goes into a header.
  apiKey: z.string().min(1).max(4096).regex(/^[^\r\n\0]*$/, "must not contain line breaks").optional(),
  model: z.string().trim().min(1).max(200),
  /** Per attempt (a 429 is retried once). */
  timeoutMs: z.number().int().min(1_000).max(120_000).default(20_000),
  /** The answer is one short JSON object; this bounds what a judge call can cost. */
  maxTokens: z.number().int().min(16).max(4_096).default(300),
});
export type LlmJudgeConfig = z.infer<typeof LlmJudgeConfig>;
export type LlmJudgeConfigInput = z.input<typeof LlmJudgeConfig>;

/** `{url}/chat/completions`, keeping a query string (some gateways carry an API version there). */
export function chatCompletionsUrl(config: LlmJudgeConfig): string {
  const url = new URL(config.url);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/chat/completions`;
  return url.href;
}
