import "server-only";
import { conflict } from "@bulwark/contracts";
import { getBuiltInScenario } from "@bulwark/redteam";

/**
 * Built-in scenarios are read-only. 409, not 404: `GET` on the same URL answers 200, so "not
 * found" would be false and would suggest the key is free to create.
 */
export function assertCustomScenarioKey(key: string): void {
  if (getBuiltInScenario(key)) {
    throw conflict(`"${key}" is a built-in scenario and cannot be changed; copy it under a custom key instead.`, { reason: "built_in_scenario" });
  }
}
