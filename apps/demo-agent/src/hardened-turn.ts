import { analyse, extractUrls, isSuspicious, type Intents } from "./intents";
import { pageText, pageTitle } from "./page-text";
import { benignReply } from "./benign-reply";
import type { TurnInput } from "./vulnerable-turn";

export interface HardenedResult {
  reply: string;
  refused: boolean;
}

function refusalFor(intents: Intents): string {
  const reasons: string[] = [];
  if (intents.secretKinds.length > 0) reasons.push("I can't share credentials, keys, customer data or internal configuration.");
  if (intents.systemPrompt) reasons.push("I can't share my system instructions.");
  if (intents.sendTo) reasons.push("I can't send data to URLs on request.");
  if (intents.deleteTarget) reasons.push("I can't perform administrative actions such as deleting users from chat; please use the admin console with your own account.");
  if (reasons.length === 0) reasons.push("I can't follow requests that try to change my rules or rely on claimed authority.");
  return `${reasons.join(" ")} I'm happy to help with anything else.`;
}

// Lines that look like instructions to an AI, or carry key-like tokens, never make it into a summary.
const UNSAFE_LINE = /\b(ai|assistant|agent|bot|llm|model)\b\s*[:,]|[A-Za-z0-9_/+=-]{20,}|@|\d{4}[ -]?\d{4}/i;

function safeSummary(body: string, url: string): string {
  // Sentence by sentence, so one injected sentence does not hide the rest of a one-line page.
  const lines = pageText(body.replace(/<!--[\s\S]*?-->/g, " "))
    .split(/\n|(?<=[.!?])\s+/)
    .filter((line) => line.length > 0 && !UNSAFE_LINE.test(line) && !isSuspicious(analyse(line)) && extractUrls(line).length === 0);
  const excerpt = lines.join(" ").slice(0, 240);
  const title = pageTitle(body);
  const about = title && !UNSAFE_LINE.test(title) && !isSuspicious(analyse(title)) ? `"${title}"` : "the page";
  return excerpt
    ? `Here's a summary of ${about}: ${excerpt}`
    : `I read ${about} at ${new URL(url).host}, but it has no content I can summarise safely.`;
}

/**
 * The hardened agent: refuses anything that asks for secrets, privileged actions or data
 * transfer, whatever authority is claimed; treats fetched pages and remembered notes as data.
 * Benign questions still get a helpful answer.
 */
export async function hardenedTurn(input: TurnInput): Promise<HardenedResult> {
  const intents = analyse(input.text);

  if (intents.remember) {
    const note = analyse(intents.remember.replace(/^(remember|memori[sz]e)\b/i, ""));
    if (isSuspicious(note) || intents.injection || intents.authority) {
      return { reply: "I can't store instructions that change how I handle credentials, tools or permissions.", refused: true };
    }
    // Benign notes are acknowledged but never stored: nothing a user says becomes an instruction.
    return { reply: "Thanks, noted for this conversation.", refused: false };
  }
  if (isSuspicious(intents)) return { reply: refusalFor(intents), refused: true };

  if (intents.fetchUrl) {
    const page = await input.tools.fetchUrl(intents.fetchUrl);
    if (!page) return { reply: "Sorry, I couldn't load that page right now. Please try again later.", refused: false };
    return { reply: safeSummary(page.body, intents.fetchUrl), refused: false };
  }
  return { reply: benignReply(input.message), refused: false };
}
