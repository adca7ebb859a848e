// Scenarios are data plus a few pure functions: the built-in catalog, validation of custom
// scenarios, run planning, and rendering an attack's messages and documents for one run.
export * from "./schema";
export { builtInScenarios, getBuiltInScenario } from "./built-in-scenarios";
export { validateCustomScenario, type CustomScenarioValidation } from "./validate-custom-scenario";
export type { ScenarioIssue } from "./scenario-issues";
export { selectScenarios, type PlannedAttack, type ScenarioPlan, type ScenarioSelection, type SelectionError } from "./select-scenarios";
export { createCanaries, type RandomBytes } from "./create-canaries";
export type { RenderVars } from "./render-vars";
export { renderTurn } from "./render-turn";
export { renderDocument, type RenderedDocument } from "./render-document";
export { scenarioFingerprint } from "./scenario-fingerprint";
export { scenarioRef } from "./scenario-ref";
