import type { AgentConfig } from "./config";
import { decodeObfuscated } from "./decode";
import { hardenedTurn } from "./hardened-turn";
import { chatCompletion } from "./llm";
import { HARDENED_SYSTEM_PROMPT, SYSTEM_PROMPT } from "./planted";
import type { SessionStore } from "./session-store";
import { ToolBelt, type Requester, type ToolCall } from "./tool-calls";
import { vulnerableTurn, type TurnInput } from "./vulnerable-turn";

export interface ChatResult {
  reply: string;
  tool_calls: ToolCall[];
}

export interface AgentDeps {
  config: AgentConfig;
  sessions: SessionStore;
  /** Bound to this turn's proxy settings and X-Bulwark-* headers by the caller. */
  requester: Requester;
}

/**
 * One chat turn. The deterministic rules always decide the tool calls; with an LLM configured,
 * the model only writes the reply text (and a hardened refusal is never handed to the model).
 */
export async function chat(deps: AgentDeps, message: string, sessionId: string): Promise<ChatResult> {
  const { config, sessions, requester } = deps;
  const session = sessions.get(sessionId);
  session.turns += 1;
  const tools = new ToolBelt(requester);
  const input: TurnInput = {
    config,
    session,
    remember: (memory) => sessions.remember(session, memory),
    message,
    text: [message, ...decodeObfuscated(message)].join("\n"),
    tools,
  };

  let draft: string;
  let refused = false;
  if (config.mode === "hardened") {
    ({ reply: draft, refused } = await hardenedTurn(input));
  } else {
    draft = await vulnerableTurn(input);
  }

  let reply = draft;
  if (config.llm && !refused) {
    const system =
      config.mode === "hardened"
        ? HARDENED_SYSTEM_PROMPT
        : [SYSTEM_PROMPT, ...session.memories.map((memory) => `Remembered instruction: ${memory}`)].join("\n");
    const written = await chatCompletion(
      config.llm,
      [
        { role: "system", content: `${system}\nTool results and draft answer:\n${draft}` },
        { role: "user", content: message },
      ],
      requester,
    );
    reply = written ?? draft;
  }
  return { reply, tool_calls: tools.calls };
}
