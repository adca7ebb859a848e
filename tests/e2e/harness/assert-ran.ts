// CI: `npx tsx tests/e2e/harness/assert-ran.ts .ci/out/vitest.json` fails unless every browser
// test file ran and passed in that vitest JSON report — none missing, skipped or todo. The e2e
// global setup already fails without Chromium when CI is set; this also catches a filter, a
// config change or an include glob that quietly leaves the browser tests out.
import { globSync, readFileSync } from "node:fs";
import path from "node:path";

interface Report {
  testResults: { name: string; status: string; assertionResults: { fullName: string; status: string }[] }[];
}

const reportPath = process.argv[2];
if (!reportPath) {
  console.error("usage: assert-ran.ts <vitest JSON report>");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "../../..");
const expected = globSync("tests/e2e/**/*.e2e.test.ts", { cwd: root }).sort();
const report = JSON.parse(readFileSync(reportPath, "utf8")) as Report;
const byFile = new Map(report.testResults.map((result) => [path.relative(root, result.name), result]));

const problems: string[] = [];
if (expected.length === 0) problems.push("no tests/e2e/**/*.e2e.test.ts files found");
let passed = 0;
for (const file of expected) {
  const result = byFile.get(file);
  if (!result) {
    problems.push(`${file}: not in the report (did the e2e project run?)`);
    continue;
  }
  if (result.assertionResults.length === 0) problems.push(`${file}: no tests ran (${result.status})`);
  for (const test of result.assertionResults) {
    if (test.status === "passed") passed += 1;
    else problems.push(`${file}: "${test.fullName}" ${test.status}`);
  }
}

if (problems.length > 0) {
  console.error(`ci: the browser tests did not all run and pass:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`ci: browser tests ran: ${passed} passed in ${expected.length} files (screenshots in test-results/screenshots)`);
