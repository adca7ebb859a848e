import { z } from "zod";
import type { LlmConfig } from "./config";
import type { Requester } from "./tool-calls";

const ChatCompletion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** One OpenAI-compatible chat completion; returns undefined on any failure so callers fall back. */
export async function chatCompletion(llm: LlmConfig, messages: ChatMessage[], requester: Requester): Promise<string | undefined> {
  const url = `${llm.url.replace(/\/+$/, "")}/chat/completions`;
  try {
    const response = await requester({
      method: "POST",
      url,
      headers: {
        "content-type": "application/json",
        ...(llm.apiKey ? { authorization: `Bearer ${llm.apiKey}` } : {}),
      },
      body: JSON.stringify({ model: llm.model, messages, temperature: 0 }),
    });
    if (response.status < 200 || response.status >= 300) return undefined;
    const parsed = ChatCompletion.safeParse(JSON.parse(response.body));
    return parsed.success ? (parsed.data.choices[0]?.message.content ?? undefined) || undefined : undefined;
  } catch {
    return undefined;
  }
}
