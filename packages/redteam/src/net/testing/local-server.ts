import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The address the client dialled, as the server saw it. */
  localAddress: string;
}

export interface LocalServer {
  port: number;
  /** `http://127.0.0.1:<port>` (or the bound host). */
  origin: string;
  requests: RecordedRequest[];
  /** TCP connections accepted, including ones that never sent a request. */
  connections: () => number;
  close: () => Promise<void>;
}

/** A real node:http server for tests; the handler runs once the request body has been read. */
export async function startLocalServer(
  handler: (req: RecordedRequest, res: http.ServerResponse) => void,
  host = "127.0.0.1",
): Promise<LocalServer> {
  const requests: RecordedRequest[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        localAddress: req.socket.localAddress ?? "",
      };
      requests.push(recorded);
      handler(recorded, res);
    });
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://${host}:${port}`,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
