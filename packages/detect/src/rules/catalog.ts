import { piiRules } from "../pii/pii-rules";
import { type Rule } from "../types";
import { aiProviderRules } from "./ai-provider-rules";
import { cloudRules } from "./cloud-rules";
import { credentialRules } from "./credential-rules";
import { developerToolRules } from "./developer-tool-rules";
import { messagingRules } from "./messaging-rules";
import { paymentRules } from "./payment-rules";
import { sourceControlRules } from "./source-control-rules";

/** Every built-in rule. Order only breaks ties between equal priority and length. */
export const ALL_RULES: readonly Rule[] = [
  ...credentialRules.filter((rule) => rule.priority >= 60),
  ...aiProviderRules,
  ...cloudRules,
  ...sourceControlRules,
  ...messagingRules,
  ...paymentRules,
  ...developerToolRules,
  ...piiRules,
  ...credentialRules.filter((rule) => rule.priority < 60),
];

const ids = new Set<string>();
for (const rule of ALL_RULES) {
  if (ids.has(rule.id)) throw new Error(`duplicate rule id ${rule.id}`);
  ids.add(rule.id);
}
