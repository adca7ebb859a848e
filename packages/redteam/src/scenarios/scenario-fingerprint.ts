import { createHash } from "node:crypto";

/**
 * What tracks a finding across runs: the same scenario version failing in the same project is the
 * same finding, whichever run, variant or turn showed it, so re-runs update one finding (seen again,
 * fixed, regressed) instead of opening new ones. A new version is deliberately a new finding: its
 * attack, and so what a fix must withstand, changed. sha256 hex of an unambiguous encoding.
 */
export function scenarioFingerprint(scenarioKey: string, version: number, projectId: string): string {
  if (!Number.isInteger(version) || version < 1) throw new RangeError(`Invalid scenario version ${version}`);
  if (scenarioKey.length === 0 || projectId.length === 0) throw new RangeError("Scenario key and project id are required");
  return createHash("sha256").update(JSON.stringify(["bulwark.finding.v1", projectId, scenarioKey, version])).digest("hex");
}
