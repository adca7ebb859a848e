import { describe, expect, it } from "vitest";
import { severityBand } from "./severity-band";

describe("severityBand", () => {
  it.each([
    [10, "critical"],
    [9.0, "critical"],
    [8.9, "high"],
    [7.0, "high"],
    [6.9, "medium"],
    [4.0, "medium"],
    [3.9, "low"],
    [0.1, "low"],
    [0, "none"],
  ] as const)("puts %s in %s", (score, band) => {
    expect(severityBand(score)).toBe(band);
  });

  it("is exact at the edges even for scores that went through float arithmetic", () => {
    expect(0.1 * 3 * 30).not.toBe(9);
    expect(severityBand(0.1 * 3 * 30)).toBe("critical");
    // What a sum or product meant to be 9.0, 7.0 or 4.0 can come out as just below it.
    expect(severityBand(9 - 4 * Number.EPSILON)).toBe("critical");
    expect(severityBand(7 - 4 * Number.EPSILON)).toBe("high");
    expect(severityBand(4 - 4 * Number.EPSILON)).toBe("medium");
    expect(3 * 2.3).not.toBe(6.9);
    expect(severityBand(3 * 2.3)).toBe("medium");
  });

  it("treats nonsense as none", () => {
    expect(severityBand(Number.NaN)).toBe("none");
    expect(severityBand(-3)).toBe("none");
  });
});
