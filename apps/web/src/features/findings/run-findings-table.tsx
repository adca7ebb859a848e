"use client";

import type { Finding, FindingSeverity, FindingStatus } from "@bulwark/contracts";
import { EmptyState, Field, Select } from "@bulwark/ui";
import { useState } from "react";
import { categoryLabel } from "@/features/runs/category-label";
import { FINDING_STATUSES } from "./finding-statuses";
import { FindingsTable } from "./findings-table";

const SEVERITIES: FindingSeverity[] = ["critical", "high", "medium", "low", "info"];

/**
 * A run's findings, most severe first, filtered in the browser: a run holds at most one finding
 * per planned scenario, so the whole list is already on the page.
 */
export function RunFindingsTable({ findings, headHash, canTriage }: { findings: Finding[]; headHash: string | null; canTriage: boolean }) {
  const [severity, setSeverity] = useState<"" | FindingSeverity>("");
  const [category, setCategory] = useState("");
  const [status, setStatus] = useState<"" | FindingStatus>("");
  const categories = [...new Set(findings.map((finding) => finding.category))].sort();
  const shown = findings.filter(
    (finding) => (!severity || finding.severity === severity) && (!category || finding.category === category) && (!status || finding.status === status),
  );
  const count = (match: (finding: Finding) => boolean) => findings.filter(match).length;

  if (findings.length === 0) return <EmptyState title="No findings" description="The agent resisted every attack this run sent." />;
  return (
    <>
      <div className="mb-3 grid gap-3 sm:grid-cols-3 lg:max-w-3xl">
        <Field label="Severity">
          {(control) => (
            <Select {...control} value={severity} onChange={(event) => setSeverity(event.target.value as "" | FindingSeverity)}>
              <option value="">All severities ({findings.length})</option>
              {SEVERITIES.map((value) => (
                <option key={value} value={value}>
                  {value} ({count((finding) => finding.severity === value)})
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Category">
          {(control) => (
            <Select {...control} value={category} onChange={(event) => setCategory(event.target.value)}>
              <option value="">All categories</option>
              {categories.map((value) => (
                <option key={value} value={value}>
                  {categoryLabel(value)} ({count((finding) => finding.category === value)})
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Triage status">
          {(control) => (
            <Select {...control} value={status} onChange={(event) => setStatus(event.target.value as "" | FindingStatus)}>
              <option value="">All statuses</option>
              {FINDING_STATUSES.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label} ({count((finding) => finding.status === value)})
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      {shown.length === 0 ? (
        <EmptyState title="No findings match these filters" description="Choose other filters to see the rest." />
      ) : (
        <FindingsTable findings={shown} caption="Findings of this run" canTriage={canTriage} headHash={headHash} />
      )}
    </>
  );
}
