import { describe, expect, it } from "vitest";
import { renderJson } from "./render-json";
import { sampleReport } from "./testing/sample-report";

describe("renderJson", () => {
  it("is the model itself", () => {
    const report = sampleReport();
    expect(JSON.parse(renderJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it("is byte-for-byte stable whatever order the model's keys were built in", () => {
    const report = sampleReport();
    const shuffled = JSON.parse(JSON.stringify(report), (_key, value: unknown) =>
      value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    );
    expect(Object.keys(shuffled)[0]).not.toBe(Object.keys(report)[0]);
    expect(renderJson(shuffled)).toBe(renderJson(report));
  });
});
