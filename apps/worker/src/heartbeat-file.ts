import { writeFileSync } from "node:fs";
import type { Logger } from "@bulwark/logger";

const INTERVAL_MS = 10_000;

/**
 * Rewrites `file` every 10 s with the time, for `docker-healthcheck.sh worker` (the Compose
 * health check and the Kubernetes liveness probe), which fails when the file is older than a
 * minute. It proves the event loop still turns: a detector stuck on hostile agent output would
 * stop it, and a restart is the cure. Dependencies (database, queue) are not checked here: a
 * database outage must not make every worker restart in a loop.
 */
export function startHeartbeatFile(file: string, log: Logger): { stop(): void } {
  let warned = false;
  const beat = () => {
    try {
      writeFileSync(file, `${new Date().toISOString()}\n`);
      warned = false;
    } catch (err) {
      // Once per failure streak: an unwritable path would otherwise log every 10 s.
      if (!warned) log.error({ err, file }, "cannot write the worker heartbeat file");
      warned = true;
    }
  };
  beat();
  const timer = setInterval(beat, INTERVAL_MS);
  return { stop: () => clearInterval(timer) };
}
