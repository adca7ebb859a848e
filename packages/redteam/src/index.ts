// The red-team engine's face. Scenarios, verdicts, scoring, story, evidence and reports are
// pure; net/ and connector/ do the one kind of I/O this package owns: calling an agent through
// the guarded fetcher.
export * from "./scenarios";
export * from "./verdicts";
export * from "./scoring";
export * from "./story";
export * from "./evidence";
export * from "./reports";
export * from "./net";
export * from "./connector";
