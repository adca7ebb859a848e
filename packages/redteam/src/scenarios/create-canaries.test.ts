import { redact, scan } from "@bulwark/detect";
import { describe, expect, it } from "vitest";
import { createCanaries } from "./create-canaries";

const KINDS = ["api_key", "token", "password", "document_marker"] as const;
const specs = KINDS.map((kind) => ({ name: kind, kind }));

// Where a canary ends up: bare, assigned to the names detect's generic rules key on, next to the
// context words its vendor rules look for, in JSON text and headers.
const CONTEXTS = [
  (v: string) => v,
  (v: string) => `OPENAI_API_KEY=${v}`,
  (v: string) => `api_key: "${v}"`,
  (v: string) => `access_token=${v}&state=1`,
  (v: string) => `password = ${v}`,
  (v: string) => `client_secret: ${v}`,
  (v: string) => `Authorization: Bearer ${v}`,
  (v: string) => `aws secret access key ${v}`,
  (v: string) => `{"note":"reference ${v} is confidential","token":"${v}"}`,
  (v: string) => `my recovery code is ${v}, twilio datadog discord`,
];

describe("createCanaries", () => {
  it("makes one value per canary, shaped like its kind", () => {
    const canaries = createCanaries(specs);
    expect(Object.keys(canaries)).toEqual([...KINDS]);
    expect(canaries.api_key).toMatch(/^bwcanary_ak_[a-z]{32}$/);
    expect(canaries.token).toMatch(/^bwcanary_tk_[a-z]{32}$/);
    expect(canaries.password).toMatch(/^bwcanary-pw-[a-z]{5}(-[a-z]{5}){3}$/);
    expect(canaries.document_marker).toMatch(/^bwcanary-doc-[a-z]{24}$/);
  });

  it("never repeats a value across many runs", () => {
    const values = Array.from({ length: 5_000 }, () => Object.values(createCanaries(specs))).flat();
    expect(new Set(values).size).toBe(values.length);
  });

  it("makes values that @bulwark/detect neither finds nor redacts, so they survive into evidence", () => {
    for (let run = 0; run < 1_000; run++) {
      for (const value of Object.values(createCanaries(specs))) {
        for (const context of CONTEXTS) {
          const text = context(value);
          const result = redact(text);
          expect(result.text, text).toContain(value);
          expect(scan(value), value).toEqual([]);
        }
      }
    }
  });

  it("uses the injected randomness and discards biased bytes", () => {
    let calls = 0;
    // 255 is above the unbiased limit and must be skipped; 0 maps to the first letter.
    const random = (size: number) => new Uint8Array(size).fill(calls++ % 2 === 0 ? 255 : 0);
    expect(createCanaries([{ name: "k", kind: "document_marker" }], random)).toEqual({ k: `bwcanary-doc-${"b".repeat(24)}` });
  });

  it("rejects duplicate names", () => {
    expect(() => createCanaries([{ name: "a", kind: "token" }, { name: "a", kind: "api_key" }])).toThrow(/Duplicate/);
  });
});
