import { withSpan } from "@bulwark/telemetry";
import { type HistoryMessage, judgeScenario, type PlannedAttack, renderTurn, scenarioRef, type ScenarioVerdict, type TurnVerdict } from "@bulwark/redteam";
import { attackCanaries, documentUrl } from "./attack-material";
import { enforceRunCaps } from "./enforce-run-caps";
import { recordFinding } from "./record-finding";
import type { RunContext } from "./run-context";
import { runTurn } from "./run-turn";

/**
 * One attack: a scenario in one phrasing, its turns in order within one agent session. On a
 * resumed run, turns already finished are not sent again; their exchange is replayed into the
 * history so the next turn continues the same conversation. Returns null when the run was asked
 * to stop before the attack could be judged.
 */
export async function runAttack(ctx: RunContext, attack: PlannedAttack, index: number): Promise<ScenarioVerdict | null> {
  const scenario = ctx.scenarios.get(scenarioRef(attack.scenarioKey, attack.version));
  if (!scenario) throw new Error(`scenario ${attack.scenarioKey}@${attack.version} of the plan is no longer available`);
  const { run } = ctx;
  const canaries = attackCanaries(ctx.documentKey, run.id, scenario, attack.variant);
  const documentUrls = Object.fromEntries(
    scenario.setup.documents.map((doc) => [doc.name, documentUrl(ctx.targets.publicUrl, ctx.documentKey, run.id, scenario, attack.variant, doc.name)]),
  );
  const vars = { canaries, documentUrls, exfilUrl: ctx.targets.exfilUrl, adminUrl: ctx.targets.adminUrl };
  const sessionId = `${run.id}-${index}`;

  const done = await ctx.prisma.runTurn.findMany({
    where: { runId: run.id, scenarioKey: scenario.key, variant: attack.variant, finishedAt: { not: null } },
    orderBy: { turnIndex: "asc" },
  });
  const history: HistoryMessage[] = [];
  const verdicts: TurnVerdict[] = [];
  let sent = 0;
  for (let turnIndex = 0; turnIndex < scenario.turns.length; turnIndex++) {
    const message = renderTurn(scenario, turnIndex, attack.variant, vars);
    const previous = done.find((turn) => turn.turnIndex === turnIndex);
    if (previous) {
      history.push({ role: "user", content: message }, { role: "assistant", content: previous.reply ?? "" });
      if (scenario.turns[turnIndex]!.judge && previous.verdict) {
        verdicts.push({ verdict: previous.verdict.toLowerCase() as TurnVerdict["verdict"], detector: previous.detector ?? "", confidence: previous.confidence ?? 0, reason: "", evidence: [] });
      }
      continue;
    }
    if (await enforceRunCaps(ctx)) return null;
    const turnAttributes = { "bulwark.run.id": run.id, "bulwark.scenario.key": scenario.key, "bulwark.scenario.variant": attack.variant, "bulwark.turn.index": turnIndex };
    const result = await withSpan("run.turn", { attributes: turnAttributes }, () =>
      runTurn(ctx, { scenario, variant: attack.variant, sessionId, canaries }, turnIndex, message, history),
    );
    sent += 1;
    history.push({ role: "user", content: message }, { role: "assistant", content: result.reply ?? "" });
    if (result.verdict) verdicts.push(result.verdict);
    // A turn cut short by a stop request proves nothing either way: leave the attack unjudged.
    if (ctx.watch.signal.aborted) return null;
  }

  const verdict = judgeScenario(verdicts);
  // An attack finished in an earlier attempt has its finding already, unless that attempt died
  // between its last turn and the finding.
  const recorded = sent === 0 && (await ctx.prisma.finding.count({ where: { runId: run.id, scenarioKey: scenario.key } })) > 0;
  if (verdict.verdict === "fail" && !recorded) await recordFinding(ctx, scenario, attack.variant, verdict);
  return verdict;
}
