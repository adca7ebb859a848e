import { describe, expect, it } from "vitest";
import { KeywordAutomaton } from "./keyword-automaton";

function keywordsIn(automaton: KeywordAutomaton, keywords: readonly string[], text: string): string[] {
  return automaton
    .scan(text)
    .found.map((id) => keywords[id]!)
    .sort();
}

describe("KeywordAutomaton", () => {
  const keywords = ["sk-", "sk-ant-", "ant", "token", "@", "://", "hvs."];
  const automaton = new KeywordAutomaton(keywords, new Set([0, 2]));

  it("reports every keyword present, including overlapping and nested ones", () => {
    expect(keywordsIn(automaton, keywords, "key sk-ant-api03")).toEqual(["ant", "sk-", "sk-ant-"]);
    expect(keywordsIn(automaton, keywords, "atokenizer")).toEqual(["token"]);
  });

  it("folds ASCII case only", () => {
    expect(keywordsIn(automaton, keywords, "HTTPS://X TOKEN HVS.")).toEqual(["://", "hvs.", "token"]);
    // The Kelvin sign lower-cases to "k" with toLowerCase; the scan must not treat it as a keyword letter.
    expect(keywordsIn(automaton, keywords, "s\u212a-")).toEqual([]);
  });

  it("is reset by characters that belong to no keyword", () => {
    expect(keywordsIn(automaton, keywords, "tok-en s k- an\u00e9t")).toEqual([]);
  });

  it("records the start of every occurrence of tracked keywords only", () => {
    const { positions } = automaton.scan("sk-1 SK-2 ant sk-");
    expect(positions[0]).toEqual([0, 5, 14]);
    expect(positions[2]).toEqual([10]);
    expect(positions[3]).toBeUndefined();
  });

  it("measures digits, capitals and dots for keyword-less rules, capped at 32", () => {
    expect(automaton.scan("AB 12.3.4").shape).toEqual({ digits: 4, upper: 2, dots: 2 });
    expect(automaton.scan("9".repeat(100)).shape.digits).toBe(32);
  });

  it("rejects keywords it could never match", () => {
    expect(() => new KeywordAutomaton(["Token"])).toThrow();
    expect(() => new KeywordAutomaton(["jeton\u00e9"])).toThrow();
  });
});
