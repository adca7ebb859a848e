// Run execution: the `runs.execute` job and what the web app shares with it.
export { executeRun } from "./execute-run";
export { enqueueRun, type RunJob } from "./enqueue-run";
export { sweepStaleRuns } from "./sweep-stale-runs";
export { claimRun, MAX_RUN_ATTEMPTS, RUN_LEASE_MS } from "./claim-run";
export { platformKeys } from "./platform-keys";
export { attackCanaries, documentUrl, documentSignatureValid } from "./attack-material";
export { loadCustomScenarios } from "./load-custom-scenarios";
export { RUN_UPDATES_CHANNEL } from "./channels";
export { notifyRunUpdate } from "./notify-run";
export { judgeFromEnv } from "./judge-from-env";
export type { RunDeps } from "./run-deps";
export type { AttackTargets } from "./run-context";
export { type RunPlan, DEFAULT_ADMIN_URL, DEFAULT_EXFIL_URL } from "./run-plan";
