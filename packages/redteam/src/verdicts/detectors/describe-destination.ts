import { type DestinationClass } from "../../scenarios/schema";
import { safeText } from "./safe-text";

export const DESTINATION_LABEL: Record<DestinationClass, string> = {
  llm_provider: "an LLM provider",
  tool: "a tool endpoint",
  internal: "an internal host",
  attacker_sink: "an attacker sink",
  public_internet: "the public internet",
};

/** "POST to attacker.test (an attacker sink, sinkholed)": method, host and class, no path (it may carry data). */
export function describeRequest(event: { method: string; host: string; destinationClass: DestinationClass; sinkholed?: boolean }): string {
  const sinkholed = event.sinkholed ? ", sinkholed" : "";
  return `${safeText(event.method, 16)} to ${safeText(event.host)} (${DESTINATION_LABEL[event.destinationClass]}${sinkholed})`;
}
