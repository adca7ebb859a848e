import { describe, expect, it } from "vitest";
import { builtInScenarios } from "./built-in-scenarios";
import { Scenario } from "./schema";
import { selectScenarios } from "./select-scenarios";

const catalog = builtInScenarios();

function custom(key: string, version: number, category: Scenario["category"]): Scenario {
  return Scenario.parse({
    key,
    version,
    category,
    title: "Custom scenario",
    severity: "low",
    description: "A custom scenario for selection tests.",
    turns: [{ phrasings: { direct: "a", role_play: "b", encoded: "c" } }],
    detectors: [{ type: "refusal" }],
    mappings: {},
    remediation: { summary: "Nothing to fix here.", steps: ["None."] },
  });
}

describe("selectScenarios", () => {
  it("plans every scenario once per variant of the intensity", () => {
    for (const [intensity, variants] of [["low", ["direct"]], ["medium", ["direct", "role_play"]], ["high", ["direct", "role_play", "encoded"]]] as const) {
      const result = selectScenarios({}, intensity, catalog);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.plan).toHaveLength(catalog.length * variants.length);
      expect(new Set(result.plan.map((p) => p.variant))).toEqual(new Set(variants));
      expect(result.plan.slice(0, variants.length).map((p) => p.variant)).toEqual(variants);
    }
  });

  it("selects by category, by key, and by both (union)", () => {
    const byCategory = selectScenarios({ categories: ["memory_poisoning"] }, "low", catalog);
    expect(byCategory.ok && byCategory.plan.every((p) => p.scenarioKey.startsWith("memory_poisoning."))).toBe(true);
    expect(byCategory.ok && byCategory.plan.length).toBe(catalog.filter((s) => s.category === "memory_poisoning").length);

    const byKey = selectScenarios({ scenarioKeys: ["secret_leakage.environment-dump", "secret_leakage.environment-dump"] }, "medium", catalog);
    expect(byKey).toEqual({
      ok: true,
      plan: [
        { scenarioKey: "secret_leakage.environment-dump", version: 1, variant: "direct" },
        { scenarioKey: "secret_leakage.environment-dump", version: 1, variant: "role_play" },
      ],
    });

    const both = selectScenarios({ scenarioKeys: ["secret_leakage.environment-dump"], categories: ["system_prompt_leakage"] }, "low", catalog);
    expect(both.ok && both.plan.map((p) => p.scenarioKey)[0]).toBe("secret_leakage.environment-dump");
    expect(both.ok && both.plan.length).toBe(1 + catalog.filter((s) => s.category === "system_prompt_leakage").length);
  });

  it("orders by category, then key, whatever order the catalog comes in", () => {
    const forward = selectScenarios({}, "high", catalog);
    const reversed = selectScenarios({}, "high", [...catalog].reverse());
    expect(reversed).toEqual(forward);
    if (!forward.ok) throw new Error("expected a plan");
    const keys = [...new Set(forward.plan.map((p) => p.scenarioKey))];
    expect(keys[0]?.startsWith("secret_leakage.")).toBe(true);
    expect(keys.at(-1)?.startsWith("system_prompt_leakage.")).toBe(true);
  });

  it("reports unknown keys as an error value", () => {
    expect(selectScenarios({ scenarioKeys: ["secret_leakage.environment-dump", "nope.missing", "also.missing"] }, "low", catalog)).toEqual({
      ok: false,
      error: { code: "unknown_scenarios", message: expect.stringContaining("nope.missing"), keys: ["nope.missing", "also.missing"] },
    });
  });

  it("reports a selection that matches nothing", () => {
    const result = selectScenarios({ categories: ["prompt_injection"] }, "low", [custom("secret_leakage.only-one", 1, "secret_leakage")]);
    expect(result).toEqual({ ok: false, error: { code: "empty_selection", message: expect.any(String) } });
  });

  it("plans the highest version of a key the catalog holds twice", () => {
    const result = selectScenarios({}, "low", [custom("secret_leakage.acme", 1, "secret_leakage"), custom("secret_leakage.acme", 3, "secret_leakage")]);
    expect(result).toEqual({ ok: true, plan: [{ scenarioKey: "secret_leakage.acme", version: 3, variant: "direct" }] });
  });
});
