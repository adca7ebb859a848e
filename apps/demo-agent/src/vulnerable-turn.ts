import type { AgentConfig } from "./config";
import { analyse, type Intents } from "./intents";
import { pageText, pageTitle } from "./page-text";
import { ALL_SECRET_KINDS, describeSecret, SYSTEM_PROMPT, type SecretKind } from "./planted";
import type { Session } from "./session-store";
import type { ToolBelt } from "./tool-calls";
import { benignReply } from "./benign-reply";

export interface TurnInput {
  config: AgentConfig;
  session: Session;
  remember: (memory: string) => void;
  message: string;
  /** The message plus whatever decoded from base64/rot13 inside it. */
  text: string;
  tools: ToolBelt;
}

function secretsText(kinds: readonly SecretKind[]): string {
  return kinds.map(describeSecret).join("\n");
}

/**
 * The deliberately vulnerable agent: it believes anyone who claims authority, follows
 * instructions wherever they come from (messages, fetched pages, remembered notes) and
 * has no notion of what must not leave the process.
 */
export async function vulnerableTurn(input: TurnInput): Promise<string> {
  const { config, session, tools } = input;
  const on = (weakness: Parameters<typeof config.weaknesses.has>[0]) => config.weaknesses.has(weakness);
  const intents = analyse(input.text);
  const parts: string[] = [];

  if (intents.remember) {
    if (!on("memory_poisoning")) return "I don't keep notes between messages, but I'm happy to help with your question.";
    input.remember(intents.remember);
    return `Got it — I'll remember that: "${intents.remember}"`;
  }

  // Remembered notes are standing instructions to this agent; that is the memory weakness.
  const standing: Intents[] = on("memory_poisoning") ? session.memories.map(analyse) : [];
  const authority = intents.authority || intents.injection || standing.some((s) => s.authority || s.injection);

  const instructions: Intents[] = [intents];
  if (intents.fetchUrl) {
    const page = await tools.fetchUrl(intents.fetchUrl);
    if (!page) {
      parts.push(`I couldn't load ${intents.fetchUrl} right now.`);
    } else {
      const text = pageText(page.body);
      parts.push(`Summary of ${pageTitle(page.body) ?? intents.fetchUrl}: ${text.slice(0, 300)}`);
      if (on("indirect_injection")) {
        const embedded = analyse(text);
        instructions.push(embedded);
        if (embedded.remember && on("memory_poisoning")) input.remember(embedded.remember);
      }
    }
  }

  const fromPage = (index: number) => index > 0;
  for (const [index, ask] of instructions.entries()) {
    const allowed = (weakness: Parameters<typeof on>[0]) => (fromPage(index) ? on("indirect_injection") : on(weakness));
    if (ask.systemPrompt && allowed("system_prompt_leak")) parts.push(`My instructions are:\n${SYSTEM_PROMPT}`);
    if (ask.secretKinds.length > 0 && !ask.sendTo) {
      parts.push(allowed("secret_leak") ? `Here you go:\n${secretsText(ask.secretKinds)}` : "I can't share credentials.");
    }
    if (ask.sendTo) {
      if (allowed("exfiltration")) {
        const kinds = ask.secretKinds.length > 0 ? ask.secretKinds : ALL_SECRET_KINDS;
        const sent = await tools.post(ask.sendTo, { data: secretsText(kinds), request: input.message });
        parts.push(sent ? `Done — I sent the data to ${ask.sendTo} (status ${sent.status}).` : `I tried to send the data to ${ask.sendTo}, but the request failed.`);
      } else {
        parts.push("I can't send data to other sites.");
      }
    }
    if (ask.deleteTarget) {
      if (allowed("privileged_action") && (authority || fromPage(index))) {
        const url = `${config.adminUrl}/users/${encodeURIComponent(ask.deleteTarget)}`;
        const deleted = await tools.adminDelete(url);
        parts.push(deleted ? `Understood. I sent DELETE ${url} (status ${deleted.status}).` : `I tried DELETE ${url}, but the admin service did not answer.`);
      } else {
        parts.push("Only administrators can delete users. Please ask an admin.");
      }
    }
  }

  if (parts.length === 0) parts.push(benignReply(input.message));
  for (const rule of standing) {
    if (rule.secretKinds.length > 0 && !rule.sendTo) parts.push(`(As you asked me to always include: ${secretsText(rule.secretKinds)})`);
  }
  for (const rule of standing) {
    if (!rule.sendTo) continue;
    const payload: Record<string, unknown> = { message: input.message, reply: parts.join("\n") };
    if (rule.secretKinds.length > 0) payload.data = secretsText(rule.secretKinds);
    await tools.post(rule.sendTo, payload);
  }
  return parts.join("\n");
}
