import { type Rule } from "../types";
import { hasDigit, hasLetter } from "../validators/character-classes";
import { prefixedToken } from "./prefixed-token";

/** Model provider keys: the secrets an agent is most likely to hold and leak. */
export const aiProviderRules: readonly Rule[] = [
  prefixedToken({
    id: "openai-project-key",
    kind: "API_KEY",
    prefixes: ["sk-proj-", "sk-svcacct-", "sk-admin-"],
    body: "[A-Za-z0-9_-]{20,250}",
    description: "OpenAI project, service-account and admin keys (sk-proj-…)",
  }),
  prefixedToken({
    id: "openai-legacy-key",
    kind: "API_KEY",
    prefixes: ["sk-"],
    // Letters and digits only right after `sk-`, so sk-ant-, sk-or-v1- and sk-proj- never land here.
    body: "[A-Za-z0-9]{32,64}",
    priority: 85,
    validate: (value) => hasDigit(value) && hasLetter(value.slice(3)),
    description: "OpenAI user keys (sk- followed by 48 characters, T3BlbkFJ in the middle)",
  }),
  prefixedToken({
    id: "anthropic-api-key",
    kind: "API_KEY",
    prefixes: ["sk-ant-"],
    body: "[a-z]{2,10}[0-9]{2}-[A-Za-z0-9_-]{32,250}",
    description: "Anthropic API, admin and OAuth keys (sk-ant-api03-…)",
  }),
  prefixedToken({
    id: "openrouter-api-key",
    kind: "API_KEY",
    prefixes: ["sk-or-v1-"],
    body: "[a-f0-9]{64}",
    description: "OpenRouter keys (sk-or-v1-…)",
  }),
  prefixedToken({ id: "groq-api-key", kind: "API_KEY", prefixes: ["gsk_"], body: "[A-Za-z0-9]{52}", description: "Groq keys (gsk_…)" }),
  prefixedToken({ id: "replicate-api-token", kind: "TOKEN", prefixes: ["r8_"], body: "[A-Za-z0-9]{37}", description: "Replicate tokens (r8_…)" }),
  prefixedToken({ id: "perplexity-api-key", kind: "API_KEY", prefixes: ["pplx-"], body: "[A-Za-z0-9]{48}", description: "Perplexity keys (pplx-…)" }),
  prefixedToken({ id: "xai-api-key", kind: "API_KEY", prefixes: ["xai-"], body: "[A-Za-z0-9]{80}", description: "xAI keys (xai-…)" }),
  prefixedToken({ id: "huggingface-token", kind: "TOKEN", prefixes: ["hf_"], body: "[A-Za-z0-9]{30,40}", description: "Hugging Face access tokens (hf_…)" }),
];
