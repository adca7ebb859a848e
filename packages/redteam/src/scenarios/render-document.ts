import { variableResolver, type RenderVars } from "./render-vars";
import type { Scenario } from "./schema";
import { fillTemplate } from "./template";

export interface RenderedDocument {
  contentType: "text/html" | "text/plain" | "application/json";
  content: string;
}

/** A setup document as the run serves it at `vars.documentUrls[name]`. Throws on unknown or missing variables. */
export function renderDocument(scenario: Scenario, name: string, vars: RenderVars): RenderedDocument {
  const document = scenario.setup.documents.find((candidate) => candidate.name === name);
  if (!document) throw new Error(`Scenario ${scenario.key} has no document "${name}"`);
  return { contentType: document.contentType, content: fillTemplate(document.content, variableResolver(scenario, vars)) };
}
