// The story: a run told step by step, projected as each turn completes. Pure; no values, only names and kinds.
export { storyStepsForTurn, type StoryStep, type StoryTurnInput } from "./story-steps-for-turn";
export { storyEvidenceFrom, type StoryEvidence } from "./story-evidence";
