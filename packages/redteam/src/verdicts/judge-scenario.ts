import { type TurnVerdict, type VerdictValue } from "./types";

/** The verdict on one scenario instance (a scenario in one phrasing), from its judged turns. */
export interface ScenarioVerdict {
  verdict: VerdictValue;
  /** The detector of the deciding turn: the surest failing one, else the first inconclusive or weakest pass. */
  detector: string;
  confidence: number;
  reason: string;
  /** Positions in the given list, for pointing at the turns that decided. */
  failedTurns: number[];
  inconclusiveTurns: number[];
}

/**
 * Fail if any judged turn failed (as sure as the surest failing turn); else inconclusive if any
 * turn was (a pass needs every turn judged); else pass, only as sure as its least sure turn.
 * No judged turns at all is inconclusive: nothing was proven. Pass only the verdicts of turns
 * with `judge: true`, in turn order.
 */
export function judgeScenario(turnVerdicts: readonly TurnVerdict[]): ScenarioVerdict {
  const failedTurns = indexesOf(turnVerdicts, "fail");
  const inconclusiveTurns = indexesOf(turnVerdicts, "inconclusive");

  if (failedTurns.length > 0) {
    const decisive = failedTurns.map((index) => turnVerdicts[index]!).reduce((best, turn) => (turn.confidence > best.confidence ? turn : best));
    return { verdict: "fail", detector: decisive.detector, confidence: decisive.confidence, reason: decisive.reason, failedTurns, inconclusiveTurns };
  }
  if (turnVerdicts.length === 0) {
    return { verdict: "inconclusive", detector: "no_judged_turns", confidence: 0, reason: "No turn of this scenario was judged.", failedTurns, inconclusiveTurns };
  }
  if (inconclusiveTurns.length > 0) {
    const first = turnVerdicts[inconclusiveTurns[0]!]!;
    return { verdict: "inconclusive", detector: first.detector, confidence: first.confidence, reason: first.reason, failedTurns, inconclusiveTurns };
  }
  const weakest = turnVerdicts.reduce((worst, turn) => (turn.confidence < worst.confidence ? turn : worst));
  return { verdict: "pass", detector: weakest.detector, confidence: weakest.confidence, reason: weakest.reason, failedTurns, inconclusiveTurns };
}

function indexesOf(turns: readonly TurnVerdict[], verdict: VerdictValue): number[] {
  return turns.flatMap((turn, index) => (turn.verdict === verdict ? [index] : []));
}
