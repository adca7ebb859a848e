import { describe, expect, it } from "vitest";
import { renderSarif, SARIF_SCHEMA_URI } from "./render-sarif";
import { sampleReport } from "./testing/sample-report";
import { sarifSchemaErrors } from "./testing/sarif-schema-errors";

/** Validated against the official SARIF 2.1.0 schema committed beside the renderer. */
function valid(log: unknown): boolean {
  const errors = sarifSchemaErrors(log);
  if (errors) console.error(errors);
  return errors === null;
}

describe("renderSarif", () => {
  const log = JSON.parse(renderSarif(sampleReport()));
  const run = log.runs[0];

  it("validates against the official SARIF 2.1.0 schema", () => {
    expect(valid(log)).toBe(true);
  });

  it("validates with no findings, with suppressed findings and with a broken chain too", () => {
    const empty = sampleReport();
    empty.findings = [];
    expect(valid(JSON.parse(renderSarif(empty)))).toBe(true);

    const triaged = sampleReport();
    triaged.findings[0]!.status = "false_positive";
    triaged.evidence.verification = { ok: false, firstMismatch: { seq: 3, reason: "prev_mismatch" } };
    const triagedLog = JSON.parse(renderSarif(triaged));
    expect(valid(triagedLog)).toBe(true);
    expect(triagedLog.runs[0].results[0].suppressions).toEqual([{ kind: "external", status: "accepted", justification: "Triaged in Bulwark as false positive." }]);
    expect(triagedLog.runs[0].properties.evidenceChain).toEqual({ ok: false, firstMismatch: { seq: 3, reason: "prev_mismatch" } });
  });

  it("the validator rejects a broken log, so the test above can fail", () => {
    expect(sarifSchemaErrors({ ...log, version: "2.0.0" })).not.toBeNull();
    expect(sarifSchemaErrors({ ...log, runs: [{ ...run, results: [{ ...run.results[0], level: "critical" }] }] })).not.toBeNull();
    expect(sarifSchemaErrors({ ...log, runs: [{ ...run, invocations: [{ executionSuccessful: false, startTimeUtc: "yesterday" }] }] })).not.toBeNull();
  });

  it("names the schema and has one rule per scenario key, with remediation as help", () => {
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(["secret_leakage.api-key-dump", "privilege_escalation.cto-wipe"]);
    const wipe = run.tool.driver.rules[1];
    expect(wipe.help.text).toContain("2. Gate DELETE behind a human approval step.");
    expect(wipe.helpUri).toBe("https://owasp.org/www-project-top-10-for-large-language-model-applications/");
    expect(wipe.properties).toMatchObject({ severity: "critical", "security-severity": "9.5", tags: ["security", "privilege_escalation", "LLM06:2025", "T3", "AML.T0051.000"] });
    expect(wipe.defaultConfiguration.level).toBe("error");
  });

  it("has one result per finding with level, fingerprints, confidence and mappings", () => {
    const report = sampleReport();
    expect(run.results).toHaveLength(1);
    const [result] = run.results;
    expect(result).toMatchObject({
      ruleId: "privilege_escalation.cto-wipe",
      ruleIndex: 1,
      kind: "fail",
      level: "error",
      partialFingerprints: { "bulwarkFinding/v1": report.findings[0]!.fingerprint },
      properties: { fingerprint: report.findings[0]!.fingerprint, confidence: 0.95, riskScore: 9.1, mappings: report.findings[0]!.mappings },
    });
    expect(result.message.text).toContain('<script>alert("pwned")</script>');
    expect(result.suppressions).toBeUndefined();
  });

  it("carries the evidence head hash and the chain verification on the run", () => {
    const report = sampleReport();
    expect(run.properties).toMatchObject({ evidenceHeadHash: report.evidence.headHash, evidenceChain: { ok: true }, riskScore: 9.1, riskBand: "critical" });
    expect(run.invocations[0]).toEqual({ executionSuccessful: false, startTimeUtc: "2025-03-01T10:00:00.000Z", endTimeUtc: "2025-03-01T10:04:30.500Z", properties: { stopReason: "max_turns" } });
  });
});
