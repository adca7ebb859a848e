import { describe, expect, it } from "vitest";
import { DELETE, GET, POST } from "./route";

describe("unknown API paths", () => {
  it.each([
    ["GET", GET],
    ["POST", POST],
    ["DELETE", DELETE],
  ])("%s answers 404 in the error envelope with the request id", async (method, handler) => {
    const res = handler(new Request("http://test/api/v1/no-such-thing", { method }));
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe("not_found");
    expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
  });
});
