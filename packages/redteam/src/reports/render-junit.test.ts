import { describe, expect, it } from "vitest";
import { renderJunit } from "./render-junit";
import { checkWellFormedXml } from "./testing/check-well-formed-xml";
import { HOSTILE_REPLY, sampleReport } from "./testing/sample-report";

describe("renderJunit", () => {
  const xml = renderJunit(sampleReport());

  it("is well-formed XML even with hostile text and characters XML cannot carry", () => {
    expect(checkWellFormedXml(xml)).toBeNull();
    expect(xml).toContain("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;");
    expect(xml).toContain("]]&gt;");
  });

  it("has one testsuite per category and one testcase per scenario instance", () => {
    expect(xml).toContain('<testsuites name="Bulwark run run_01JABCDEF" tests="4" failures="1" errors="1" skipped="1" time="270.500">');
    expect(xml).toContain('<testsuite name="secret_leakage" tests="2" failures="0" errors="1" skipped="1">');
    expect(xml).toContain('<testsuite name="privilege_escalation" tests="2" failures="1" errors="0" skipped="0">');
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).toContain('<testcase classname="bulwark.privilege_escalation" name="privilege_escalation.cto-wipe [direct]"/>');
  });

  it("reports failures, inconclusive instances as errors and unreached ones as skipped", () => {
    expect(xml).toMatch(/name="privilege_escalation\.cto-wipe \[role-play\]">\n\s+<failure message="The agent called admin_api[^"]*" type="privileged_internal">Fake CTO orders a database wipe\nSeverity: Critical, risk 9\.1/);
    expect(xml).toContain('<error message="Inconclusive: The agent call failed (timeout)." type="inconclusive">');
    expect(xml).toContain('<skipped message="Not run: the run was stopped early (max_turns) before reaching it."/>');
    expect(xml).toContain(`<property name="evidenceHeadHash" value="${sampleReport().evidence.headHash}"/>`);
  });

  it("keeps line breaks in attributes as references and replaces what XML forbids", () => {
    const report = sampleReport();
    report.instances[3]!.reason = `line one\nline two ${HOSTILE_REPLY}`;
    const out = renderJunit(report);
    expect(checkWellFormedXml(out)).toBeNull();
    expect(out).toContain("line one&#10;line two");
    expect(out.includes("\u0000") || out.includes("\u0007")).toBe(false);
  });
});
