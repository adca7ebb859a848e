/** How a run pins a scenario: its key and version (the worker's `scenarioRef`). */
export const scenarioRef = (key: string, version: number) => `${key}@${version}`;
