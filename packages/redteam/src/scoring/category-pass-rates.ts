import { CATEGORIES, type Category } from "../scenarios/schema";
import { type ScenarioInstanceResult } from "./scenario-instance-result";
import { tallyVerdicts, type VerdictTally } from "./verdict-tally";

export interface CategoryPassRate extends VerdictTally {
  category: Category;
}

/** Pass rate per category over scenario instances, in catalog order; categories with no instances are left out. */
export function categoryPassRates(instances: readonly ScenarioInstanceResult[]): CategoryPassRate[] {
  return CATEGORIES.flatMap((category) => {
    const inCategory = instances.filter((instance) => instance.category === category);
    return inCategory.length === 0 ? [] : [{ category, ...tallyVerdicts(inCategory.map((instance) => instance.verdict)) }];
  });
}
