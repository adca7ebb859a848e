"use client";

import type { SidecarToken } from "@bulwark/contracts";
import { useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/features/shared/api-client";

const POLL_MS = 3_000;

export type HeartbeatState =
  | { state: "waiting" }
  | { state: "connected"; token: SidecarToken }
  | { state: "error"; message: string; requestId: string | undefined };

/** The token of the connection: the one just created when there is one, else the latest live one. */
function connectedToken(tokens: SidecarToken[], tokenId: string | null): SidecarToken | undefined {
  const live = tokens.filter((token) => !token.revokedAt && token.lastSeenAt);
  return tokenId ? live.find((token) => token.id === tokenId) : live.sort((a, b) => Date.parse(b.lastSeenAt!) - Date.parse(a.lastSeenAt!))[0];
}

/**
 * Polls the project's sidecar tokens until the watched one has sent a heartbeat (its
 * `lastSeenAt`), then stops: the sidecar heartbeats as it starts, so the step turns "connected"
 * seconds after it runs. A failed poll is shown and retried on the next tick.
 */
export function useSidecarHeartbeat(projectId: string, tokenId: string | null, initial: SidecarToken[]): HeartbeatState {
  const [tokens, setTokens] = useState(initial);
  const [failure, setFailure] = useState<{ message: string; requestId: string | undefined } | null>(null);
  const token = connectedToken(tokens, tokenId);
  const connected = token !== undefined;

  useEffect(() => {
    if (connected) return;
    let stopped = false;
    const poll = async () => {
      try {
        const page = await apiFetch<{ data: SidecarToken[] }>(`/api/v1/projects/${projectId}/sidecar-tokens?limit=100`);
        if (stopped) return;
        setTokens(page.data);
        setFailure(null);
      } catch (caught) {
        if (!stopped) setFailure({ message: (caught as Error).message, requestId: caught instanceof ApiError ? caught.requestId : undefined });
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [projectId, tokenId, connected]);

  if (token) return { state: "connected", token };
  return failure ? { state: "error", ...failure } : { state: "waiting" };
}
