import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { SidecarConfig } from "@bulwark/contracts";
import { droppedEvent } from "./egress-event";
import { createForwardProxy } from "./forward-proxy";
import { startHeartbeat } from "./heartbeat";
import { createPlatformClient } from "./platform-client";
import { SegmentBuffer } from "./segment-buffer";
import { Shipper } from "./shipper";

export interface SidecarOptions {
  bulwarkUrl: string;
  token: string;
  host: string;
  port: number;
  /** Forced on locally; the platform's config can also turn it on, never off. */
  sinkhole: boolean;
  bufferDir: string;
  bufferMaxBytes: number;
  heartbeatIntervalMs?: number;
  log?: { info(message: string): void; warn(message: string): void };
}

export interface Sidecar {
  server: http.Server;
  address: AddressInfo;
  buffer: SegmentBuffer;
  shipper: Shipper;
  config(): Readonly<SidecarConfig> | undefined;
  /** Stops accepting, waits for open exchanges, flushes for at most `flushTimeoutMs`. */
  stop(flushTimeoutMs?: number): Promise<{ flushed: boolean }>;
}

const consoleLog = {
  info: (message: string) => console.log(`[sidecar] ${message}`),
  warn: (message: string) => console.warn(`[sidecar] ${message}`),
};

export async function startSidecar(options: SidecarOptions): Promise<Sidecar> {
  const log = options.log ?? consoleLog;
  const client = createPlatformClient(options.bulwarkUrl, options.token);
  const buffer: SegmentBuffer = new SegmentBuffer({
    dir: options.bufferDir,
    maxBytes: options.bufferMaxBytes,
    onDropped: (count) => {
      log.warn(`buffer full: dropped the ${count} oldest event(s)`);
      buffer.append(droppedEvent(count));
    },
  });
  const shipper = new Shipper(buffer, client, log);
  let remote: SidecarConfig | undefined;

  const server = createForwardProxy({
    config: () => ({
      toolDomains: remote?.toolDomains ?? [],
      internalHostSuffixes: remote?.internalHostSuffixes ?? [],
      sinkhole: options.sinkhole || remote?.sinkhole === true,
    }),
    record: (event) => {
      buffer.append(event);
      if (buffer.openIsFull) shipper.kick();
    },
    log,
  });
  const heartbeat = startHeartbeat(
    client,
    (config) => {
      if (remote?.configVersion !== config.configVersion) log.info(`config version ${config.configVersion} (sinkhole ${config.sinkhole})`);
      remote = config;
    },
    log,
    options.heartbeatIntervalMs,
  );

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  shipper.start();
  shipper.kick();
  const address = server.address() as AddressInfo;
  log.info(`listening on ${address.address}:${address.port}${options.sinkhole ? " (sinkhole)" : ""}; ${buffer.pendingEvents} event(s) buffered`);

  return {
    server,
    address,
    buffer,
    shipper,
    config: () => remote,
    async stop(flushTimeoutMs = 10_000) {
      heartbeat.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Open tunnels and slow exchanges get a short grace period, then are cut (and recorded).
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, Math.min(2_000, flushTimeoutMs)))]);
      server.closeAllConnections();
      const flushed = await shipper.flush(flushTimeoutMs);
      if (!flushed) log.warn(`${buffer.pendingEvents} event(s) left in the buffer for the next start`);
      return { flushed };
    },
  };
}
