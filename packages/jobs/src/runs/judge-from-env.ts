import { LlmJudgeConfig } from "@bulwark/redteam";

/** The LLM judge the worker's environment asks for, or null (the default: deterministic detectors only). */
export function judgeFromEnv(env: {
  BULWARK_JUDGE_URL?: string;
  BULWARK_JUDGE_API_KEY?: string;
  BULWARK_JUDGE_MODEL?: string;
  BULWARK_JUDGE_ALLOW_PRIVATE_NETWORK: "0" | "1";
}): { config: LlmJudgeConfig; allowPrivateNetwork: boolean } | undefined {
  if (!env.BULWARK_JUDGE_URL || !env.BULWARK_JUDGE_MODEL) return undefined;
  return {
    config: LlmJudgeConfig.parse({ url: env.BULWARK_JUDGE_URL, apiKey: env.BULWARK_JUDGE_API_KEY, model: env.BULWARK_JUDGE_MODEL }),
    allowPrivateNetwork: env.BULWARK_JUDGE_ALLOW_PRIVATE_NETWORK === "1",
  };
}
