import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedBatch {
  at: number;
  events: { id: string; type: string; [key: string]: unknown }[];
}

/**
 * A stand-in for the ingest API on loopback: records every batch and heartbeat, answers like the
 * platform (200 with per-item results), and can be stopped, restarted on the same port, or told
 * to answer 429s.
 */
export class FakePlatform {
  readonly batches: ReceivedBatch[] = [];
  readonly attempts: number[] = [];
  heartbeats = 0;
  tokens = new Set<string>();
  /** Answers 429 with this Retry-After (seconds) to the next N event batches. */
  throttle = { remaining: 0, retryAfterSeconds: 1 };
  config = { projectId: "prj_test", configVersion: 1, toolDomains: ["tools.test"], internalHostSuffixes: ["corp.test"], sinkhole: false };
  private server: http.Server | undefined;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Every event id delivered, in arrival order (duplicates included). */
  get deliveredIds(): string[] {
    return this.batches.flatMap((batch) => batch.events.map((event) => event.id));
  }

  get events(): ReceivedBatch["events"] {
    const seen = new Set<string>();
    return this.batches.flatMap((batch) => batch.events).filter((event) => !seen.has(event.id) && seen.add(event.id));
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        this.tokens.add(String(req.headers.authorization));
        if (req.url?.startsWith("/api/v1/ingest/heartbeat")) {
          this.heartbeats += 1;
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(this.config));
          return;
        }
        this.attempts.push(Date.now());
        if (this.throttle.remaining > 0) {
          this.throttle.remaining -= 1;
          res.writeHead(429, { "retry-after": String(this.throttle.retryAfterSeconds), "content-type": "application/json" });
          res.end(JSON.stringify({ error: { code: "rate_limited", message: "slow down", requestId: "req_x" } }));
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { events: ReceivedBatch["events"] };
        const known = new Set(this.deliveredIds);
        this.batches.push({ at: Date.now(), events: body.events });
        const results = body.events.map((event, index) => ({ index, id: event.id, status: known.has(event.id) ? "duplicate" : "stored" }));
        const duplicates = results.filter((item) => item.status === "duplicate").length;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ stored: results.length - duplicates, duplicates, rejected: 0, results }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Refuses connections from now on (the port stays reserved for `start()`). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
