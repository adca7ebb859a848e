/**
 * The PostgreSQL NOTIFY channel of run progress. Every web instance listens on the same
 * database, so a run's turns, story, findings and status (from the worker) and its captured
 * events (from ingest, once per batch) reach whichever instance streams it. Payload: the run id.
 */
export const RUN_UPDATES_CHANNEL = "bulwark_run_updates";
