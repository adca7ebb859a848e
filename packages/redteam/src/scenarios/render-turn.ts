import { variableResolver, type RenderVars } from "./render-vars";
import type { Scenario, Variant } from "./schema";
import { fillTemplate } from "./template";

/** The message sent to the agent for one turn in one phrasing. Throws on unknown or missing variables. */
export function renderTurn(scenario: Scenario, turnIndex: number, variant: Variant, vars: RenderVars): string {
  const turn = scenario.turns[turnIndex];
  if (!turn) throw new RangeError(`Scenario ${scenario.key} has no turn ${turnIndex}`);
  return fillTemplate(turn.phrasings[variant], variableResolver(scenario, vars));
}
