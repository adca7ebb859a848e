import { describe, expect, it } from "vitest";
import { auditParams, PARAMS_PREVIEW_MAX } from "./audit-params";
import { canonicalJson } from "@bulwark/contracts";
import { looksLikeCredential, REDACTED, redactParams } from "./redact-params";

const SECRETS = {
  bulwarkKey: "bwk_live_4f9a8b7c6d5e",
  sidecarSecret: "bws_0123456789abcdef",
  openai: "sk-proj-abcdef123456",
  github: "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
  bearer: "Bearer abc.def.ghi",
  jwt: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig",
  highEntropy: "Zm9vYmFyYmF6cXV4cXV1eHh5enp5eXh4d3d2dnV1dHQ",
  dsn: "postgresql://app:hunter2@db.internal:5432/bulwark",
  password: "hunter2",
};

describe("redactParams", () => {
  it("redacts values under secret-sounding names, in any case and anywhere in the name", () => {
    const input = {
      password: "p1",
      newPassword: "p2",
      clientSecret: "s",
      refresh_token: "t",
      "X-Api-Key": "k",
      Authorization: "a",
      cookie: "c",
      passwordHash: "h",
      credentials: { user: "u", pass: "p" },
      name: "visible",
    };
    expect(redactParams(input)).toEqual({
      password: REDACTED,
      newPassword: REDACTED,
      clientSecret: REDACTED,
      refresh_token: REDACTED,
      "X-Api-Key": REDACTED,
      Authorization: REDACTED,
      cookie: REDACTED,
      passwordHash: REDACTED,
      credentials: REDACTED,
      name: "visible",
    });
  });

  it("redacts credential-looking strings under innocent names, in arrays and nested objects", () => {
    const input = { note: SECRETS.bulwarkKey, list: [SECRETS.openai, "ok"], deep: { header: SECRETS.bearer, url: SECRETS.dsn } };
    expect(redactParams(input)).toEqual({ note: REDACTED, list: [REDACTED, "ok"], deep: { header: REDACTED, url: REDACTED } });
    for (const [name, value] of Object.entries(SECRETS).filter(([n]) => n !== "password")) {
      expect(looksLikeCredential(value), name).toBe(true);
      expect(looksLikeCredential(`my value is ${value} ok`), name).toBe(true);
    }
  });

  it("keeps ordinary values, ids included", () => {
    const input = { name: "Prod agent", orgId: "org_01jc8z7q4x9v2m3n5p6r7s8t9w", count: 3, on: true, tags: ["task-force", "a b"] };
    expect(redactParams(input)).toEqual(input);
  });

  it("redacts member names that are themselves credentials, and toJSON output", () => {
    expect(canonicalJson(redactParams({ [SECRETS.github]: true }))).toBe(`{"${REDACTED}":true}`);
    const wrapped = { toJSON: () => ({ token: "t", safe: 1 }) };
    expect(redactParams({ wrapped })).toEqual({ wrapped: { token: REDACTED, safe: 1 } });
  });

  it("keeps a __proto__ member a plain member", () => {
    const parsed = JSON.parse('{"__proto__":{"secret":"s"}}');
    expect(canonicalJson(redactParams(parsed))).toBe(`{"__proto__":{"secret":"${REDACTED}"}}`);
  });
});

describe("auditParams", () => {
  it("never lets a secret into the hash input or the preview", () => {
    const { paramsPreview } = auditParams({ ...SECRETS, nested: [{ apiKey: "plain-looking" }] });
    for (const value of [...Object.values(SECRETS), "plain-looking", "hunter2", "4f9a8b7c6d5e"]) {
      expect(paramsPreview).not.toContain(value);
    }
    // The hash is over the redacted form: two different secrets are one record, so the hash is
    // no oracle for guessing a password.
    expect(auditParams({ email: "a@b.c", password: "hunter2" }).paramsHash).toBe(auditParams({ email: "a@b.c", password: "letmein" }).paramsHash);
  });

  it("hashes SHA-256 hex of the canonical JSON, the same for any key order", () => {
    const a = auditParams({ name: "x", settings: { b: 1, a: [1, 2] } });
    const b = auditParams({ settings: { a: [1, 2], b: 1 }, name: "x" });
    expect(a.paramsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toEqual(b);
    expect(a.paramsPreview).toBe('{"name":"x","settings":{"a":[1,2],"b":1}}');
  });

  it("gives different hashes for different params", () => {
    const hashes = [{ name: "x" }, { name: "y" }, { name: "x", extra: null }, { name: ["x"] }, {}, null].map((p) => auditParams(p).paramsHash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it("stores nothing when there are no params", () => {
    expect(auditParams(undefined)).toEqual({ paramsHash: null, paramsPreview: null });
  });

  it("caps the preview at 200 characters without splitting a surrogate pair", () => {
    const long = auditParams({ text: "word ".repeat(100) });
    expect(long.paramsPreview).toHaveLength(PARAMS_PREVIEW_MAX);
    expect(long.paramsPreview?.endsWith("…")).toBe(true);
    // '{"text":"' is 9 characters: the emoji's high half lands at index 198, the last kept one.
    const emoji = auditParams({ text: `${"ab ".repeat(63)}😀${"b ".repeat(50)}` }).paramsPreview ?? "";
    expect(emoji).toBe(`{"text":"${"ab ".repeat(63)}…`);
    // One character earlier the whole pair fits.
    const fits = auditParams({ text: `${"ab ".repeat(62)}xy😀${"b ".repeat(50)}` }).paramsPreview ?? "";
    expect(fits).toBe(`{"text":"${"ab ".repeat(62)}xy😀…`);
    expect(fits).toHaveLength(PARAMS_PREVIEW_MAX);
  });
});
