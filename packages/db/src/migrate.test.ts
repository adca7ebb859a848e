import { describe, expect, it } from "vitest";
import { assertTestDatabase, isTestDatabaseName } from "./migrate";

describe("the test-database guard", () => {
  it.each(["test", "test_x", "bulwark_test", "a_test_b"])("accepts %s", (name) => {
    expect(isTestDatabaseName(name)).toBe(true);
    expect(() => assertTestDatabase(`postgresql://postgres@127.0.0.1:5432/${name}`)).not.toThrow();
  });

  it.each(["bulwark", "testing", "contest", "latest_db", "attest_x", "postgres", ""])("refuses %s before anything destructive", (name) => {
    expect(isTestDatabaseName(name)).toBe(false);
    expect(() => assertTestDatabase(`postgresql://postgres@127.0.0.1:5432/${name}`)).toThrow(/test/i);
  });
});
