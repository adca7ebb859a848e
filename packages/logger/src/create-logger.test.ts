import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, withLogContext } from "./index";

const EMAIL = "alice.victim@example.com";
const OPENAI_KEY = "sk-proj-4fGh7Jk9Lm2Np5Qr8St1Uv3Wx6Yz0Ab2Cd4Ef6Gh";
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

function captured() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

describe("createLogger", () => {
  it("writes JSON lines that carry the request and run ids and none of the secrets or personal data logged by mistake", () => {
    const { stream, lines } = captured();
    const log = createLogger("test", "info", stream);
    withLogContext({ requestId: "req_0123456789abcdef" }, () => {
      withLogContext({ runId: "run_0123456789abcdef" }, () => {
        log.info({ user: { contact: EMAIL }, note: `key ${OPENAI_KEY}`, list: [JWT], count: 3 }, `signed in ${EMAIL} with ${JWT}`);
        log.error({ err: new Error(`agent refused ${OPENAI_KEY}`) }, "call failed");
        log.child({ scenario: "exfil" }).warn("user %s pasted %s", EMAIL, OPENAI_KEY);
      });
    });

    expect(lines).toHaveLength(3);
    // A child bound to the same id does not write it twice.
    withLogContext({ runId: "run_0123456789abcdef" }, () => log.child({ runId: "run_0123456789abcdef" }).info("child"));
    expect(lines.pop()!.match(/"runId"/g)).toHaveLength(1);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) expect(entry).toMatchObject({ requestId: "req_0123456789abcdef", runId: "run_0123456789abcdef", service: "test" });
    for (const raw of [EMAIL, OPENAI_KEY, JWT, "eyJhbGciOiJIUzI1NiIs", "sk-proj-4fGh"]) expect(lines.join("\n")).not.toContain(raw);

    expect(entries[0]).toMatchObject({ msg: "signed in [EMAIL] with [JWT]", user: { contact: "[EMAIL]" }, note: "key [API_KEY]", list: ["[JWT]"], count: 3 });
    expect(entries[1]).toMatchObject({ msg: "call failed", err: { type: "Error", message: "agent refused [API_KEY]" } });
    expect(entries[2]).toMatchObject({ msg: "user [EMAIL] pasted [API_KEY]", scenario: "exfil", level: "warn" });
  });

  it("writes values under secret-looking names as [SECRET], whatever they look like", () => {
    const { stream, lines } = captured();
    createLogger("test", "info", stream).info({ connector: { headers: { "x-api-key": "plain-words" } }, password: "hunter2" }, "configured");
    expect(JSON.parse(lines[0]!)).toMatchObject({ connector: { headers: { "x-api-key": "[SECRET]" } } });
    expect(lines[0]).not.toContain("hunter2");
    expect(lines[0]).not.toContain("plain-words");
  });

  it("bounds what it scans: a huge string is cut, and a line outside any context carries no ids", () => {
    const { stream, lines } = captured();
    createLogger("test", "info", stream).info({ blob: `${"a ".repeat(50_000)}${EMAIL}` }, "big");
    const entry = JSON.parse(lines[0]!) as { blob: string; requestId?: string; traceId?: string };
    expect(entry.blob.length).toBeLessThan(5_000);
    expect(entry.blob.endsWith("[TRUNCATED]")).toBe(true);
    expect(entry.requestId).toBeUndefined();
    expect(entry.traceId).toBeUndefined();
  });
});
