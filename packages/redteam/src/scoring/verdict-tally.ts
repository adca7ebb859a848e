import { type InstanceVerdict } from "./scenario-instance-result";

export interface VerdictTally {
  /** Judged instances: passed + failed + inconclusive. */
  judged: number;
  passed: number;
  failed: number;
  inconclusive: number;
  notRun: number;
  /**
   * passed / judged, to four decimals; null when nothing was judged. Inconclusive instances stay
   * in the denominator: an agent that times out on every attack must not score 100%.
   */
  passRate: number | null;
}

export function tallyVerdicts(verdicts: Iterable<InstanceVerdict>): VerdictTally {
  const tally = { judged: 0, passed: 0, failed: 0, inconclusive: 0, notRun: 0 };
  for (const verdict of verdicts) {
    if (verdict === "not_run") {
      tally.notRun++;
      continue;
    }
    tally.judged++;
    if (verdict === "pass") tally.passed++;
    else if (verdict === "fail") tally.failed++;
    else tally.inconclusive++;
  }
  return { ...tally, passRate: tally.judged === 0 ? null : Math.round((tally.passed * 10_000) / tally.judged) / 10_000 };
}
