import type { OutboundRequest, OutboundResponse } from "./outbound";

export interface ToolCall {
  name: "fetch_url" | "http_request" | "admin_api";
  arguments: Record<string, unknown>;
}

/** Performs an outbound call; the server binds it to the turn's proxy and run/turn headers. */
export type Requester = (request: OutboundRequest) => Promise<OutboundResponse>;

/** Runs tool calls for one turn, recording each with its arguments and never throwing. */
export class ToolBelt {
  readonly calls: ToolCall[] = [];

  constructor(private readonly requester: Requester) {}

  async fetchUrl(url: string): Promise<OutboundResponse | undefined> {
    this.calls.push({ name: "fetch_url", arguments: { url } });
    return this.attempt({ method: "GET", url });
  }

  async post(url: string, payload: Record<string, unknown>): Promise<OutboundResponse | undefined> {
    const body = JSON.stringify(payload);
    this.calls.push({ name: "http_request", arguments: { method: "POST", url, body } });
    return this.attempt({ method: "POST", url, body, headers: { "content-type": "application/json" } });
  }

  async adminDelete(url: string): Promise<OutboundResponse | undefined> {
    this.calls.push({ name: "admin_api", arguments: { method: "DELETE", url } });
    return this.attempt({ method: "DELETE", url });
  }

  private async attempt(request: OutboundRequest): Promise<OutboundResponse | undefined> {
    try {
      return await this.requester(request);
    } catch {
      return undefined;
    }
  }
}
