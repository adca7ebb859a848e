import http from "node:http";
import type net from "node:net";

export interface HangingAgent {
  url: string;
  /** Requests received so far: proof the run reached the agent. */
  received: () => number;
  close: () => Promise<void>;
}

/**
 * An agent that accepts every call and never answers, so a run started against it stays running
 * until it is canceled: a live run that a test can look at without racing its end.
 */
export async function startHangingAgent(): Promise<HangingAgent> {
  let received = 0;
  const server = http.createServer(() => {
    received += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
