// One "app process" for cross-process tests: serves the REST route handlers over HTTP from its
// own Node process, with its own database pool, the way each replica of the web app would.
// Listens on the port given as the first argument (default 0: any free port), so a test can stop
// "the platform" and bring it back at the same address. Prints {"port": n} when listening.
import http from "node:http";
import { findRepoRoot } from "@bulwark/db/migrate";
import { registerWebModuleHooks } from "../../scripts/lib/web-module-hooks";

registerWebModuleHooks(findRepoRoot());
const requestedPort = Number(process.argv[2] ?? 0);
const { operations } = await import("@bulwark/contracts");
const { handlerFor } = await import("../../apps/web/src/testing/route-handlers");

function match(template: string, pathname: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([^/]+)"))}$`);
  const found = pattern.exec(pathname);
  return found ? Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)])) : null;
}

const server = http.createServer(async (incoming, outgoing) => {
  const url = new URL(incoming.url ?? "/", "http://localhost");
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const op = operations.find((candidate) => candidate.method === incoming.method && match(candidate.path, url.pathname));
  if (!op) {
    outgoing.writeHead(404).end();
    return;
  }
  const headers = new Headers(Object.entries(incoming.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  const response = await (await handlerFor(op))(new Request(url, { method: incoming.method, headers, body }), {
    params: Promise.resolve(match(op.path, url.pathname)!),
  });
  outgoing.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
});

server.listen(Number.isInteger(requestedPort) ? requestedPort : 0, "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 }));
});
