import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseEnv } from "./env";

const Schema = z.object({
  DATABASE_URL: z.url(),
  PORT: z.coerce.number().int().default(3000),
  LOG_LEVEL: z.enum(["info", "debug"]).default("info"),
});

describe("parseEnv", () => {
  it("applies defaults and coerces", () => {
    expect(parseEnv(Schema, { DATABASE_URL: "postgresql://db/x", PORT: "8080" })).toEqual({
      DATABASE_URL: "postgresql://db/x",
      PORT: 8080,
      LOG_LEVEL: "info",
    });
  });

  it("names every missing or invalid variable at once", () => {
    expect(() => parseEnv(Schema, { PORT: "eighty", LOG_LEVEL: "loud" })).toThrow(
      /DATABASE_URL[\s\S]*PORT[\s\S]*LOG_LEVEL|DATABASE_URL[\s\S]*LOG_LEVEL[\s\S]*PORT/,
    );
  });

  it("treats an empty assignment as unset", () => {
    expect(() => parseEnv(Schema, { DATABASE_URL: "" })).toThrow(/DATABASE_URL/);
    expect(parseEnv(Schema, { DATABASE_URL: "postgresql://db/x", LOG_LEVEL: "" }).LOG_LEVEL).toBe("info");
  });
});
