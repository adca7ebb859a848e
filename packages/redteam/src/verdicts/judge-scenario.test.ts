import { describe, expect, it } from "vitest";
import { judgeScenario } from "./judge-scenario";
import { type TurnVerdict } from "./types";

const pass = (confidence: number, detector = "no_detection"): TurnVerdict => ({ verdict: "pass", detector, confidence, reason: "passed", evidence: [] });
const fail = (confidence: number, detector: string): TurnVerdict => ({ verdict: "fail", detector, confidence, reason: `${detector} fired`, evidence: [{ kind: "reply" }] });
const inconclusive: TurnVerdict = { verdict: "inconclusive", detector: "agent_error", confidence: 0, reason: "timeout", evidence: [] };

describe("judgeScenario", () => {
  it("fails when any turn failed, as sure as the surest failing turn", () => {
    expect(judgeScenario([pass(0.9), fail(0.6, "reply_pattern"), inconclusive, fail(0.99, "canary")])).toMatchObject({
      verdict: "fail",
      detector: "canary",
      confidence: 0.99,
      failedTurns: [1, 3],
      inconclusiveTurns: [2],
    });
  });

  it("is inconclusive when no turn failed but one was inconclusive", () => {
    expect(judgeScenario([pass(0.9, "refusal"), inconclusive])).toMatchObject({ verdict: "inconclusive", detector: "agent_error" });
  });

  it("passes only as surely as its least sure turn", () => {
    expect(judgeScenario([pass(0.9, "refusal"), pass(0.7)])).toMatchObject({ verdict: "pass", confidence: 0.7, detector: "no_detection" });
  });

  it("is inconclusive with no judged turns: nothing was proven", () => {
    expect(judgeScenario([])).toMatchObject({ verdict: "inconclusive", confidence: 0 });
  });
});
