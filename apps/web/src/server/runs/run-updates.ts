import "server-only";
import { EventEmitter } from "node:events";
import { resolveDatabaseUrl } from "@bulwark/db";
import { RUN_UPDATES_CHANNEL } from "@bulwark/jobs";
import pg from "pg";
import { log } from "@/server/log";

/**
 * This web instance's subscription to run progress: ONE connection LISTENs on the channel the
 * workers NOTIFY, and fans notices out to the streams open here. Any number of instances can
 * do the same, so a stream works whichever instance it lands on. The connection is opened on
 * first use and re-opened after a failure (streams poll meanwhile, so nothing is lost).
 */
class RunUpdates {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;

  /** Calls `onUpdate` whenever `runId` moves, until the returned function is called. */
  subscribe(runId: string, onUpdate: () => void): () => void {
    this.emitter.on(runId, onUpdate);
    void this.ensureListening();
    return () => this.emitter.off(runId, onUpdate);
  }

  private ensureListening(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: resolveDatabaseUrl() });
      client.on("notification", (message) => {
        if (message.channel === RUN_UPDATES_CHANNEL && message.payload) this.emitter.emit(message.payload);
      });
      client.on("error", (err) => {
        log.warn({ err }, "run updates connection lost; reconnecting on next use");
        this.client = null;
        void client.end().catch(() => undefined);
      });
      await client.connect();
      await client.query(`LISTEN ${RUN_UPDATES_CHANNEL}`);
      this.client = client;
    })()
      .catch((err: unknown) => log.warn({ err }, "could not listen for run updates; streams fall back to polling"))
      .finally(() => {
        this.connecting = null;
      });
    return this.connecting;
  }
}

const globalForRunUpdates = globalThis as unknown as { bulwarkRunUpdates?: RunUpdates };
export const runUpdates = (globalForRunUpdates.bulwarkRunUpdates ??= new RunUpdates());
