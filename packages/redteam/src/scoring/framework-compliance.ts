import { type FrameworkMappings, type ScenarioInstanceResult } from "./scenario-instance-result";
import { tallyVerdicts, type VerdictTally } from "./verdict-tally";

export type FrameworkKey = keyof FrameworkMappings;

export const FRAMEWORKS: readonly { key: FrameworkKey; name: string }[] = [
  { key: "owaspLlm", name: "OWASP Top 10 for LLM Applications 2025" },
  { key: "owaspAgentic", name: "OWASP Agentic AI Threats" },
  { key: "atlas", name: "MITRE ATLAS" },
];

export interface ControlCompliance extends VerdictTally {
  /** The framework's own id, e.g. `LLM01:2025`, `T2`, `AML.T0051.000`. */
  id: string;
}

export interface FrameworkCompliance {
  framework: FrameworkKey;
  name: string;
  /** Every instance mapped to at least one id of the framework, counted once. */
  overall: VerdictTally;
  /** One entry per id, in natural order (T2 before T10). */
  controls: ControlCompliance[];
}

/**
 * For each framework id, the share of the scenario instances mapped to it that passed (the same
 * counting as the category pass rates). Coverage, not certification: an id only appears when a
 * scenario of this run maps to it, so unmapped ids are untested, not compliant.
 */
export function frameworkCompliance(instances: readonly ScenarioInstanceResult[]): FrameworkCompliance[] {
  return FRAMEWORKS.map(({ key, name }) => {
    const byId = new Map<string, ScenarioInstanceResult[]>();
    for (const instance of instances) {
      for (const id of new Set(instance.mappings[key])) byId.set(id, [...(byId.get(id) ?? []), instance]);
    }
    const ids = [...byId.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    const mapped = instances.filter((instance) => instance.mappings[key].length > 0);
    return {
      framework: key,
      name,
      overall: tallyVerdicts(mapped.map((instance) => instance.verdict)),
      controls: ids.map((id) => ({ id, ...tallyVerdicts(byId.get(id)!.map((instance) => instance.verdict)) })),
    };
  });
}
