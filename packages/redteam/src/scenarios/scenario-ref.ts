/** How a run pins a scenario: its key and version, e.g. `secret_leakage.env-dump@2`. */
export const scenarioRef = (key: string, version: number) => `${key}@${version}`;
