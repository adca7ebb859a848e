"use client";

import type { Finding, FindingSeverity } from "@bulwark/contracts";
import { Button, EmptyState, Field, Select, SeverityBadge, StatusBadge, Table, TBody, Td, Th, ThActions, THead } from "@bulwark/ui";
import { useState } from "react";
import { categoryLabel } from "@/features/runs/category-label";
import { ProofDialog } from "./proof-dialog";

const SEVERITIES: FindingSeverity[] = ["critical", "high", "medium", "low", "info"];

/** A run's findings, most severe first, filterable by severity, each with its proof a click away. */
export function RunFindingsTable({ findings, headHash }: { findings: Finding[]; headHash: string | null }) {
  const [severity, setSeverity] = useState<"" | FindingSeverity>("");
  // The last opened finding stays mounted, so the native dialog closes itself and returns focus.
  const [selected, setSelected] = useState<Finding | null>(null);
  const [open, setOpen] = useState(false);
  const shown = severity ? findings.filter((finding) => finding.severity === severity) : findings;

  if (findings.length === 0) return <EmptyState title="No findings" description="The agent resisted every attack this run sent." />;
  return (
    <>
      <div className="mb-3 w-52">
        <Field label="Severity">
          {(control) => (
            <Select {...control} value={severity} onChange={(event) => setSeverity(event.target.value as "" | FindingSeverity)}>
              <option value="">All severities ({findings.length})</option>
              {SEVERITIES.map((value) => {
                const count = findings.filter((finding) => finding.severity === value).length;
                return (
                  <option key={value} value={value}>
                    {value} ({count})
                  </option>
                );
              })}
            </Select>
          )}
        </Field>
      </div>
      {shown.length === 0 ? (
        <EmptyState title={`No ${severity} findings`} description="Choose another severity to see the rest." />
      ) : (
        <Table>
          <caption className="sr-only">Findings of this run</caption>
          <THead>
            <tr>
              <Th>Severity</Th>
              <Th>Finding</Th>
              <Th>Category</Th>
              <Th>Risk</Th>
              <Th>Status</Th>
              <ThActions />
            </tr>
          </THead>
          <TBody>
            {shown.map((finding) => (
              <tr key={finding.id}>
                <Td>
                  <SeverityBadge severity={finding.severity} />
                </Td>
                <Td>
                  <div className="font-medium">{finding.title}</div>
                  <code className="font-mono text-xs text-fg-muted">{finding.scenarioKey}</code>
                </Td>
                <Td>{categoryLabel(finding.category)}</Td>
                <Td className="tabular-nums">{finding.riskScore === null ? "—" : finding.riskScore.toFixed(1)}</Td>
                <Td>
                  <StatusBadge status={finding.status} />
                </Td>
                <Td>
                  <div className="flex justify-end">
                    <Button variant="secondary" size="sm" className="whitespace-nowrap" aria-label={`View proof for ${finding.title}`} onClick={() => {
                        setSelected(finding);
                        setOpen(true);
                      }}>
                      View proof
                    </Button>
                  </div>
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      {selected ? <ProofDialog key={selected.id} open={open} finding={selected} headHash={headHash} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
