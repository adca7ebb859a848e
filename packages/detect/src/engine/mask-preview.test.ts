import { describe, expect, it } from "vitest";
import { maskPreview } from "./mask-preview";

describe("maskPreview", () => {
  it("shows the family of a long key and nothing more", () => {
    expect(maskPreview(`sk-proj-${"A".repeat(150)}9xQ`)).toBe("sk-p…9xQ");
    expect(maskPreview("AKIAIOSFODNN7EXAMPLE")).toBe("AKI…LE");
  });

  it("reveals almost nothing of short values", () => {
    expect(maskPreview("4111111111111111")).toBe("41…11");
    expect(maskPreview("536-22-1234")).toBe("5…4");
    expect(maskPreview("hunter2")).toBe("h…");
    expect(maskPreview("abc")).toBe("…");
    expect(maskPreview("")).toBe("…");
  });

  it("never reveals more than 7 characters or about 30% of any value", () => {
    for (let length = 0; length <= 300; length++) {
      const revealed = maskPreview("x".repeat(length)).length - 1;
      expect(revealed).toBeLessThanOrEqual(Math.min(7, Math.ceil(length * 0.3)));
    }
  });

  it("does not split surrogate pairs or print control characters", () => {
    const preview = maskPreview(`abc\u{1F600}${"z".repeat(20)}\n\u0007y`);
    expect(preview).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(preview).not.toMatch(/\p{Cc}/u);
  });
});
