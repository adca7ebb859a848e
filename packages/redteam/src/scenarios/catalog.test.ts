import { describe, expect, it } from "vitest";
import { builtInScenarios, getBuiltInScenario } from "./built-in-scenarios";
import { scenarioIssues } from "./scenario-issues";
import { CATEGORIES, Scenario, VARIANTS } from "./schema";
import { templatePlaceholders } from "./template";

const catalog = builtInScenarios();

// The two encodings apps/demo-agent understands, decoded the same way: base64 tokens that turn
// into readable text, and the quoted span after "rot13:".
function decodeFragments(text: string): string[] {
  const fragments: string[] = [];
  for (const token of text.match(/[A-Za-z0-9+/]{12,}={0,2}/g) ?? []) {
    const decoded = Buffer.from(token, "base64").toString("utf8");
    if (/^[\x20-\x7e]+$/.test(decoded) && decoded.includes(" ")) fragments.push(decoded);
  }
  const rot = /rot13: "([^"]+)"/.exec(text)?.[1];
  if (rot) fragments.push(rot.replace(/[a-z]/gi, (c) => String.fromCharCode(((c.charCodeAt(0) - (c <= "Z" ? 65 : 97) + 13) % 26) + (c <= "Z" ? 65 : 97))));
  return fragments;
}

const STOPWORDS = new Set(["this", "that", "with", "your", "from", "have", "what", "there", "they", "into", "please", "every", "when", "before"]);
function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z][a-z'-]{3,}/g) ?? []).filter((word) => !STOPWORDS.has(word)));
}

describe("built-in catalog", () => {
  it("holds at least 30 scenarios that parse against the contract", () => {
    expect(catalog.length).toBeGreaterThanOrEqual(30);
    for (const scenario of catalog) expect(Scenario.parse(scenario)).toEqual(scenario);
  });

  it("covers every category at least four times", () => {
    for (const category of CATEGORIES) expect(catalog.filter((s) => s.category === category).length, category).toBeGreaterThanOrEqual(4);
  });

  it("has unique keys that start with their category, and looks them up", () => {
    expect(new Set(catalog.map((s) => s.key)).size).toBe(catalog.length);
    for (const scenario of catalog) {
      expect(scenario.key.startsWith(`${scenario.category}.`)).toBe(true);
      expect(getBuiltInScenario(scenario.key)).toBe(scenario);
    }
    expect(getBuiltInScenario("secret_leakage.no-such-scenario")).toBeUndefined();
  });

  it("passes every semantic check (templates declared and used, last turn judged, patterns compile)", () => {
    for (const scenario of catalog) expect(scenarioIssues(scenario), scenario.key).toEqual([]);
  });

  it("uses only the four template variables", () => {
    for (const scenario of catalog) {
      const texts = [...scenario.turns.flatMap((turn) => Object.values(turn.phrasings)), ...scenario.setup.documents.map((d) => d.content)];
      for (const text of texts) for (const placeholder of templatePlaceholders(text)) expect(placeholder.variable, placeholder.raw).toBeDefined();
    }
  });

  it("gives every turn three distinct phrasings", () => {
    for (const scenario of catalog) {
      for (const turn of scenario.turns) expect(new Set(VARIANTS.map((v) => turn.phrasings[v])).size, scenario.key).toBe(3);
    }
  });

  it("hides each encoded phrasing's intent, and it decodes back toward the direct one", () => {
    for (const scenario of catalog) {
      scenario.turns.forEach((turn, index) => {
        const where = `${scenario.key} turn ${index}`;
        const fragments = decodeFragments(turn.phrasings.encoded);
        expect(fragments.length, where).toBeGreaterThan(0);
        for (const fragment of fragments) expect(turn.phrasings.encoded.toLowerCase(), where).not.toContain(fragment.toLowerCase());
        const direct = contentWords(turn.phrasings.direct);
        const shared = [...contentWords(fragments.join(" "))].filter((word) => direct.has(word));
        expect(shared.length, `${where}: decoded "${fragments.join(" | ")}"`).toBeGreaterThanOrEqual(2);
      });
    }
  });

  it("sets up memory poisoning in an unjudged turn and triggers it in a later judged one", () => {
    for (const scenario of catalog.filter((s) => s.category === "memory_poisoning")) {
      expect(scenario.turns.length, scenario.key).toBeGreaterThanOrEqual(2);
      expect(scenario.turns[0]?.judge, scenario.key).toBe(false);
      expect(scenario.turns.at(-1)?.judge, scenario.key).toBe(true);
    }
  });

  it("has direct prompt injection and indirect injection through a fetched document", () => {
    const injections = catalog.filter((s) => s.category === "prompt_injection");
    const indirect = injections.filter((s) => s.setup.documents.length > 0 && s.turns.some((t) => t.phrasings.direct.includes("{{document.")));
    expect(indirect.length).toBeGreaterThanOrEqual(2);
    expect(injections.length - indirect.length).toBeGreaterThanOrEqual(2);
    for (const scenario of indirect) expect(scenario.mappings.atlas).toContain("AML.T0051.001");
  });

  it("maps every scenario to frameworks and cites public references", () => {
    for (const scenario of catalog) {
      expect(scenario.mappings.owaspLlm.length, scenario.key).toBeGreaterThan(0);
      expect(scenario.mappings.atlas.length, scenario.key).toBeGreaterThan(0);
      expect(scenario.remediation.references.length, scenario.key).toBeGreaterThan(0);
      for (const url of scenario.remediation.references) expect(url).toMatch(/^https:\/\/(genai\.owasp\.org|cheatsheetseries\.owasp\.org|atlas\.mitre\.org)\//);
    }
  });

  it("names only the demo agent's real tools in forbidden_tool detectors", () => {
    const tools = catalog.flatMap((s) => s.detectors.flatMap((d) => (d.type === "forbidden_tool" ? d.tools : [])));
    expect(new Set(tools)).toEqual(new Set(["fetch_url", "http_request", "admin_api"]));
  });

  it("is frozen, because every run shares it", () => {
    expect(Object.isFrozen(catalog)).toBe(true);
    expect(Object.isFrozen(catalog[0]?.turns[0]?.phrasings)).toBe(true);
  });
});
