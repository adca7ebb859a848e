import type { Scenario } from "./schema";
import type { TemplateVariable } from "./template";

/** The run's values for a scenario instance's template variables. */
export interface RenderVars {
  /** By canary name, from `createCanaries`. */
  canaries: Readonly<Record<string, string>>;
  /** By document name: where the run serves each rendered setup document. */
  documentUrls: Readonly<Record<string, string>>;
  /** The attacker-sink URL egress to which proves exfiltration. */
  exfilUrl: string;
  /** Base of the project's internal admin API, without a trailing slash (templates append paths). */
  adminUrl: string;
}

/**
 * Resolves variables for one scenario. Throws on a variable the scenario does not declare or the
 * run did not supply: sending an attack with a hole in it would report a pass that proves nothing.
 * Values are inserted verbatim; they are chosen by the run, never by the scenario's author.
 */
export function variableResolver(scenario: Scenario, vars: RenderVars): (variable: TemplateVariable) => string {
  const declared = (list: readonly { name: string }[], name: string) => list.some((item) => item.name === name);
  return (variable) => {
    switch (variable.kind) {
      case "exfil_url":
        return vars.exfilUrl;
      case "admin_url":
        return vars.adminUrl.replace(/\/+$/, "");
      case "canary": {
        const value = vars.canaries[variable.name];
        if (!declared(scenario.setup.canaries, variable.name) || value === undefined) {
          throw new Error(`Scenario ${scenario.key}: no value for {{canary.${variable.name}}}`);
        }
        return value;
      }
      case "document_url": {
        const url = vars.documentUrls[variable.name];
        if (!declared(scenario.setup.documents, variable.name) || url === undefined) {
          throw new Error(`Scenario ${scenario.key}: no URL for {{document.${variable.name}.url}}`);
        }
        return url;
      }
    }
  };
}
