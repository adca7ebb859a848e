import https from "node:https";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { guardedFetch, type GuardedFetchPolicy } from "./guarded-fetch";
import { GuardedFetchError } from "./guarded-fetch-error";
import type { ResolvedAddress, Resolver } from "./resolve-target";
import { type LocalServer, startLocalServer } from "./testing/local-server";
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from "./testing/self-signed-cert";

// Local servers are reachable only because these tests opt into allowPrivateNetwork; tests of
// the blocking itself turn it off and steer names to local addresses with an injected resolver.
const LOCAL: GuardedFetchPolicy = { allowPrivateNetwork: true, timeoutMs: 2_000, maxResponseBytes: 64 * 1024 };

const servers: LocalServer[] = [];
async function serve(...args: Parameters<typeof startLocalServer>): Promise<LocalServer> {
  const server = await startLocalServer(...args);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function resolveTo(...addresses: string[]): Resolver & ReturnType<typeof vi.fn> {
  return vi.fn(async (): Promise<ResolvedAddress[]> => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));
}

async function errorOf(promise: Promise<unknown>): Promise<GuardedFetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GuardedFetchError);
  return error as GuardedFetchError;
}

describe("guardedFetch", () => {
  it("sends the request and returns status, headers, body and url", async () => {
    const server = await serve((req, res) => res.writeHead(201, { "x-echo": req.headers["x-test"] }).end(`got ${req.method} ${req.body}`));
    const res = await guardedFetch(`${server.origin}/agent?q=1`, { method: "POST", headers: { "x-test": "yes" }, body: "hello" }, LOCAL);
    expect(res).toMatchObject({ status: 201, url: `${server.origin}/agent?q=1` });
    expect(res.headers["x-echo"]).toBe("yes");
    expect(res.body.toString()).toBe("got POST hello");
    expect(server.requests[0]).toMatchObject({ url: "/agent?q=1", headers: { "content-length": "5" } });
  });

  describe("refuses private destinations unless the project allows them", () => {
    it.each(["127.0.0.1", "10.0.0.5", "169.254.169.254", "::ffff:127.0.0.1", "::1"])("a name resolving to %s", async (address) => {
      const server = await serve((_req, res) => res.end("reached"));
      const resolver = resolveTo(address);
      const error = await errorOf(
        guardedFetch(`http://agent.example.com:${server.port}/`, {}, { ...LOCAL, allowPrivateNetwork: false, allowedPorts: [server.port], resolver }),
      );
      expect(error.code).toBe("blocked_address");
      expect(error.message).not.toContain(address);
      expect(resolver).toHaveBeenCalledTimes(1);
      expect(server.connections()).toBe(0);
    });

    it("a name with one public and one private answer (every answer is checked)", async () => {
      const server = await serve((_req, res) => res.end("reached"));
      const policy = { ...LOCAL, allowPrivateNetwork: false, allowedPorts: [server.port], resolver: resolveTo("93.184.215.14", "127.0.0.1") };
      expect((await errorOf(guardedFetch(`http://mixed.example.com:${server.port}/`, {}, policy))).code).toBe("blocked_address");
      expect(server.connections()).toBe(0);
    });

    it.each([
      "http://2130706433/",
      "http://0177.0.0.1/",
      "http://0x7f.1/",
      "http://0x7f000001/",
      "http://127.1/",
      "http://[::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://[::ffff:7f00:1]/",
      "http://[::7f00:1]/",
      "http://[64:ff9b::a00:5]/",
      "http://[2002:a00:5::]/",
      "http://[fe80::1]/",
      "http://10.0.0.5/",
      "http://192.168.0.1/",
      "http://100.64.0.1/",
      "http://224.0.0.1/",
    ])("the IP literal %s, in whatever notation the URL parser normalises", async (url) => {
      const resolver = resolveTo("93.184.215.14");
      const error = await errorOf(guardedFetch(url, {}, { ...LOCAL, allowPrivateNetwork: false, resolver }));
      expect(error.code).toBe("blocked_address");
      expect(resolver).not.toHaveBeenCalled();
    });

    it.each(["http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://0/", "http://[::]/", "http://[::ffff:169.254.169.254]/"])(
      "%s stays blocked with allowPrivateNetwork",
      async (url) => {
        expect((await errorOf(guardedFetch(url, {}, LOCAL))).code).toBe("blocked_address");
      },
    );

    it("a name resolving to the metadata address stays blocked with allowPrivateNetwork", async () => {
      const error = await errorOf(guardedFetch("http://metadata.google.internal/", {}, { ...LOCAL, resolver: resolveTo("169.254.169.254") }));
      expect(error.code).toBe("blocked_address");
    });
  });

  it("dials the address it checked, never a second DNS answer (rebinding)", async () => {
    // The first answer is where the server listens; any later answer points at 127.0.0.3, where
    // nothing listens. Connecting by name again (or via a second lookup) would fail with a refused
    // connection or an unknown host; only a pinned connection reaches the server.
    const server = await serve((req, res) => res.end(req.localAddress));
    let calls = 0;
    const resolver: Resolver = async () => [{ address: calls++ === 0 ? "127.0.0.1" : "127.0.0.3", family: 4 }];
    const res = await guardedFetch(`http://rebind.test:${server.port}/`, {}, { ...LOCAL, resolver });
    expect(res.body.toString()).toBe("127.0.0.1");
    expect(calls).toBe(1);
    // The name, not the address, is what the target sees.
    expect(server.requests[0]?.headers.host).toBe(`rebind.test:${server.port}`);
  });

  it("verifies TLS against the configured hostname while dialling the pinned address", async () => {
    const seenServernames: string[] = [];
    const server = https.createServer({
      cert: SELF_SIGNED_CERT,
      key: SELF_SIGNED_KEY,
      SNICallback: (servername, cb) => {
        seenServernames.push(servername);
        cb(null);
      },
    });
    server.on("request", (_req, res) => res.end("should not be reached"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const error = await errorOf(guardedFetch(`https://agent.test:${port}/`, {}, { ...LOCAL, resolver: resolveTo("127.0.0.1") }));
      // Self-signed, so trusted by nothing: verification is on, and only the code is reported.
      expect(error).toMatchObject({ code: "network", message: "the connection failed (DEPTH_ZERO_SELF_SIGNED_CERT)" });
      expect(seenServernames).toEqual(["agent.test"]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("returns a redirect as is and never follows it", async () => {
    const elsewhere = await serve((_req, res) => res.end("followed"));
    const server = await serve((_req, res) => res.writeHead(302, { location: `${elsewhere.origin}/` }).end());
    const res = await guardedFetch(`${server.origin}/`, {}, LOCAL);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${elsewhere.origin}/`);
    expect(elsewhere.connections()).toBe(0);
  });

  describe("request checks before any connection", () => {
    it.each(["ftp://example.com/", "file:///etc/passwd", "gopher://example.com/", "javascript:alert(1)"])("scheme of %s", async (url) => {
      expect((await errorOf(guardedFetch(url, {}, LOCAL))).code).toBe("blocked_scheme");
    });

    it("credentials in the URL", async () => {
      const error = await errorOf(guardedFetch("http://user:hunter2@example.com/", {}, LOCAL));
      expect(error.code).toBe("invalid_request");
      expect(error.message).not.toContain("hunter2");
    });

    it("ports outside the default list unless the project allows private networks", async () => {
      const resolver = resolveTo("93.184.215.14");
      const publicPolicy = { ...LOCAL, allowPrivateNetwork: false, resolver };
      expect((await errorOf(guardedFetch("http://example.com:22/", {}, publicPolicy))).code).toBe("blocked_port");
      expect((await errorOf(guardedFetch("http://example.com:6379/", {}, publicPolicy))).code).toBe("blocked_port");
      expect((await errorOf(guardedFetch("http://example.com:8080/", {}, { ...publicPolicy, allowedPorts: [443] }))).code).toBe("blocked_port");
      expect(resolver).not.toHaveBeenCalled();
    });

    it("framing headers and header injection", async () => {
      const server = await serve((_req, res) => res.end());
      expect((await errorOf(guardedFetch(server.origin, { headers: { Host: "internal" } }, LOCAL))).code).toBe("invalid_request");
      expect((await errorOf(guardedFetch(server.origin, { headers: { "Transfer-Encoding": "chunked" } }, LOCAL))).code).toBe("invalid_request");
      expect((await errorOf(guardedFetch(server.origin, { headers: { "x-a": "1\r\nx-b: 2" } }, LOCAL))).code).toBe("invalid_request");
      expect(server.requests).toHaveLength(0);
    });

    it("a request body over the cap", async () => {
      const server = await serve((_req, res) => res.end());
      const error = await errorOf(guardedFetch(server.origin, { method: "POST", body: "x".repeat(101) }, { ...LOCAL, maxRequestBytes: 100 }));
      expect(error.code).toBe("too_large");
      expect(server.connections()).toBe(0);
    });

    it("a name that does not resolve", async () => {
      const failing: Resolver = async () => {
        throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
      };
      expect((await errorOf(guardedFetch("http://nowhere.test/", {}, { ...LOCAL, resolver: failing }))).code).toBe("dns_failed");
      expect((await errorOf(guardedFetch("http://empty.test/", {}, { ...LOCAL, resolver: resolveTo() }))).code).toBe("dns_failed");
    });
  });

  describe("bounds the response", () => {
    it("cuts a streamed body at maxResponseBytes", async () => {
      const server = await serve((_req, res) => {
        res.write("x".repeat(1000));
        res.end("y".repeat(1000));
      });
      const error = await errorOf(guardedFetch(server.origin, {}, { ...LOCAL, maxResponseBytes: 1500 }));
      expect(error).toMatchObject({ code: "too_large", message: "the response is larger than 1500 bytes" });
    });

    it("refuses a Content-Length over the cap without waiting for the body", async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { "content-length": "10000000" });
        res.write("x"); // and then stalls
      });
      const started = Date.now();
      expect((await errorOf(guardedFetch(server.origin, {}, { ...LOCAL, maxResponseBytes: 1024 }))).code).toBe("too_large");
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    it("accepts a body of exactly maxResponseBytes", async () => {
      const server = await serve((_req, res) => res.end("z".repeat(1024)));
      expect((await guardedFetch(server.origin, {}, { ...LOCAL, maxResponseBytes: 1024 })).body.length).toBe(1024);
    });

    it("times out a server that never answers", async () => {
      const server = await serve(() => undefined);
      const started = Date.now();
      const error = await errorOf(guardedFetch(server.origin, {}, { ...LOCAL, timeoutMs: 200 }));
      expect(error.code).toBe("timeout");
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    it("times out a body that trickles in past the deadline (the deadline covers the body)", async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200);
        const timer = setInterval(() => res.write("."), 20);
        res.on("close", () => clearInterval(timer));
      });
      const started = Date.now();
      expect((await errorOf(guardedFetch(server.origin, {}, { ...LOCAL, timeoutMs: 300 }))).code).toBe("timeout");
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    it("times out a resolver that hangs", async () => {
      const hanging: Resolver = () => new Promise(() => undefined);
      expect((await errorOf(guardedFetch("http://slow-dns.test/", {}, { ...LOCAL, timeoutMs: 100, resolver: hanging }))).code).toBe("timeout");
    });
  });

  describe("abort", () => {
    it("closes the in-flight socket as soon as the signal aborts mid-response", async () => {
      let firstChunkSent!: () => void;
      const midResponse = new Promise<void>((resolve) => (firstChunkSent = resolve));
      let socketClosed!: (at: number) => void;
      const closedAt = new Promise<number>((resolve) => (socketClosed = resolve));
      const server = await serve((_req, res) => {
        res.writeHead(200);
        res.write("partial", () => firstChunkSent());
        res.socket?.on("close", () => socketClosed(Date.now()));
      });
      const controller = new AbortController();
      const pending = guardedFetch(server.origin, {}, { ...LOCAL, timeoutMs: 10_000, signal: controller.signal });
      await midResponse;
      const abortedAt = Date.now();
      controller.abort();
      const error = await errorOf(pending);
      expect(error.code).toBe("aborted");
      expect((await closedAt) - abortedAt).toBeLessThan(200);
    });

    it("does not connect when the signal is already aborted", async () => {
      const server = await serve((_req, res) => res.end());
      const error = await errorOf(guardedFetch(server.origin, {}, { ...LOCAL, signal: AbortSignal.abort() }));
      expect(error.code).toBe("aborted");
      expect(server.connections()).toBe(0);
    });
  });

  it("reports a refused connection as a network error without the address", async () => {
    const server = await serve((_req, res) => res.end());
    await server.close();
    const error = await errorOf(guardedFetch(server.origin, {}, LOCAL));
    expect(error).toMatchObject({ code: "network", message: "the connection failed (ECONNREFUSED)" });
  });
});
