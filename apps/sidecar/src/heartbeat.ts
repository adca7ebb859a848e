import type { SidecarConfig } from "@bulwark/contracts";
import type { PlatformClient } from "./platform-client";

export const HEARTBEAT_INTERVAL_MS = 15_000;

/**
 * Heartbeats every 15 s and hands each returned config to `apply`. A failed heartbeat keeps the
 * last config (the proxy keeps working while the platform is away).
 */
export function startHeartbeat(
  client: PlatformClient,
  apply: (config: SidecarConfig) => void,
  log: { warn(message: string): void },
  intervalMs = HEARTBEAT_INTERVAL_MS,
): { stop(): void; beat(): Promise<void> } {
  const beat = async () => {
    try {
      apply(await client.heartbeat());
    } catch (error) {
      log.warn(`heartbeat failed: ${(error as Error).message}`);
    }
  };
  void beat();
  const timer = setInterval(() => void beat(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), beat };
}
