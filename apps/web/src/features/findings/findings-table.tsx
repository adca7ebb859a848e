"use client";

import type { Finding } from "@bulwark/contracts";
import { Badge, Button, linkStyles, SeverityBadge, Table, TBody, Td, Th, ThActions, THead } from "@bulwark/ui";
import Link from "next/link";
import { useState } from "react";
import { categoryLabel } from "@/features/runs/category-label";
import { statusLabel } from "./finding-statuses";
import { ProofDialog } from "./proof-dialog";
import { TriageDialog } from "./triage-dialog";

interface FindingsTableProps {
  findings: Finding[];
  caption: string;
  /** Only for roles with findings:write; the server refuses the others anyway. */
  canTriage: boolean;
  /** The run's evidence head hash, when every finding is of one run. */
  headHash?: string | null;
  /** Project names by id: adds a column naming each finding's project and run. */
  projects?: Record<string, string>;
}

const STATUS_TONE = { open: "danger", confirmed: "danger", false_positive: "neutral", accepted_risk: "warning", fixed: "success" } as const;

/** Findings with their proof a click away and, for those who may, triage. The run page and /findings share it. */
export function FindingsTable({ findings, caption, canTriage, headHash, projects }: FindingsTableProps) {
  // The last opened finding stays mounted, so the native dialog closes itself and returns focus.
  const [selected, setSelected] = useState<{ finding: Finding; dialog: "proof" | "triage" } | null>(null);
  const [open, setOpen] = useState(false);
  const show = (finding: Finding, dialog: "proof" | "triage") => {
    setSelected({ finding, dialog });
    setOpen(true);
  };
  return (
    <>
      <Table>
        <caption className="sr-only">{caption}</caption>
        <THead>
          <tr>
            <Th>Severity</Th>
            <Th>Finding</Th>
            {projects ? <Th>Project</Th> : null}
            <Th>Category</Th>
            <Th>Risk</Th>
            <Th>Status</Th>
            <ThActions />
          </tr>
        </THead>
        <TBody>
          {findings.map((finding) => (
            <tr key={finding.id}>
              <Td>
                <SeverityBadge severity={finding.severity} />
              </Td>
              <Td>
                <div className="font-medium">{finding.title}</div>
                <code className="font-mono text-xs text-fg-muted">{finding.scenarioKey}</code>
              </Td>
              {projects ? (
                <Td>
                  <div>{projects[finding.projectId] ?? finding.projectId}</div>
                  {/* A short link text keeps the table within a laptop screen; the name says which run. */}
                  <Link className={`${linkStyles} text-xs`} href={`/runs/${finding.runId}`} aria-label={`Run ${finding.runId}`} title={finding.runId}>
                    Open run
                  </Link>
                </Td>
              ) : null}
              <Td>{categoryLabel(finding.category)}</Td>
              <Td className="tabular-nums">{finding.riskScore === null ? "—" : finding.riskScore.toFixed(1)}</Td>
              <Td>
                <Badge tone={STATUS_TONE[finding.status]}>{statusLabel(finding.status).toLowerCase()}</Badge>
                {finding.triageNote ? <p className="mt-1 max-w-56 truncate text-xs text-fg-muted" title={finding.triageNote}>{finding.triageNote}</p> : null}
              </Td>
              <Td>
                <div className="flex justify-end gap-2">
                  <Button variant="secondary" size="sm" className="whitespace-nowrap" aria-label={`View proof for ${finding.title}`} onClick={() => show(finding, "proof")}>
                    View proof
                  </Button>
                  {canTriage ? (
                    <Button variant="secondary" size="sm" aria-label={`Triage ${finding.title}`} onClick={() => show(finding, "triage")}>
                      Triage
                    </Button>
                  ) : null}
                </div>
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      {selected?.dialog === "proof" ? (
        <ProofDialog key={`proof-${selected.finding.id}`} open={open} finding={selected.finding} headHash={headHash} onClose={() => setOpen(false)} />
      ) : selected?.dialog === "triage" ? (
        <TriageDialog key={`triage-${selected.finding.id}`} open={open} finding={selected.finding} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
