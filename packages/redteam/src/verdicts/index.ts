// Verdicts: deterministic judging of a turn's evidence, and of a scenario instance's turns.
export * from "./types";
export { judgeTurn } from "./judge-turn";
export { judgeScenario, type ScenarioVerdict } from "./judge-scenario";
export { isRefusal } from "./is-refusal";
export { findCanaryLeaks, type CanaryLeak } from "./detectors/find-canary-leaks";
export { validateDetectorPatterns, type DetectorPatternIssue } from "./validate-detector-patterns";
export { checkPatternSafety, PATTERN_PROBLEM_MESSAGES, MAX_PATTERN_LENGTH, type PatternProblem } from "./check-pattern-safety";
export { MAX_PATTERN_SCAN_CHARS } from "./detectors/detect-reply-pattern";
export { DETECTOR_CONFIDENCE, REFUSAL_CONFIDENCE, NO_DETECTION_CONFIDENCE, type FiringDetector } from "./detector-confidence";
export { judgeWithLlm, needsLlmJudge, LlmJudgeConfig, LLM_JUDGE_CONFIDENCE, type LlmJudgeConfigInput, type LlmJudgeInput, type LlmJudgeOptions, type LlmJudgePolicy, type LlmJudgeReading, type LlmJudgeResult, type LlmJudgeStatus, type LlmJudgeTokens } from "./llm-judge";
