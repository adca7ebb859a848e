import type { SidecarToken } from "@bulwark/contracts";
import { Badge } from "@bulwark/ui";

// A sidecar heartbeats every 15 s; two minutes of silence means it is down or cut off.
const STALE_AFTER_MS = 2 * 60_000;

export type SidecarTokenState = "revoked" | "never seen" | "connected" | "silent";

function stateAt(token: SidecarToken, now: number): SidecarTokenState {
  if (token.revokedAt) return "revoked";
  if (!token.lastSeenAt) return "never seen";
  return now - Date.parse(token.lastSeenAt) <= STALE_AFTER_MS ? "connected" : "silent";
}

/** Each token's state, judged at one moment for the whole list (a server render happens once). */
export function sidecarTokenStates(tokens: SidecarToken[]): Map<string, SidecarTokenState> {
  const now = Date.now();
  return new Map(tokens.map((token) => [token.id, stateAt(token, now)]));
}

const TONE = { revoked: "neutral", "never seen": "warning", connected: "success", silent: "danger" } as const;

export function SidecarTokenStatus({ state }: { state: SidecarTokenState }) {
  return <Badge tone={TONE[state]}>{state}</Badge>;
}
