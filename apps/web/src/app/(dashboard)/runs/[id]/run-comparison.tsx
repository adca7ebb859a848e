import { AppError, type ComparedFinding, type RunComparison as Comparison } from "@bulwark/contracts";
import { Badge, Card, EmptyState, linkStyles, SeverityBadge } from "@bulwark/ui";
import Link from "next/link";
import { CategoryComparisonChart } from "@/features/runs/category-comparison-chart";
import type { ServiceContext } from "@/server/auth/principal";
import { compareRuns } from "@/server/services/reports/compare-runs";

/** The comparison, or null for a project's first finished run (nothing to compare with). */
async function compareWithPrevious(ctx: ServiceContext, runId: string): Promise<Comparison | null> {
  try {
    return await compareRuns(ctx, runId);
  } catch (error) {
    const fields = error instanceof AppError ? (error.details?.fields as { code?: string }[] | undefined) : undefined;
    if (fields?.some((field) => field.code === "no_base_run")) return null;
    throw error;
  }
}

/** What changed since the project's previous finished run: score delta, new and fixed findings, pass rate per category. */
export async function RunComparison({ ctx, runId }: { ctx: ServiceContext; runId: string }) {
  const comparison = await compareWithPrevious(ctx, runId);
  if (!comparison) return <EmptyState title="Nothing to compare with yet" description="This is the project's first finished run; the next one will be compared with it." />;
  const { riskScore, findings, base } = comparison;
  const delta = riskScore.delta;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Card>
          <p className="text-sm text-fg-muted">Risk score change</p>
          <p className="mt-1 flex items-center gap-3">
            <span className="text-3xl font-semibold tabular-nums" aria-label={`Risk score change ${delta > 0 ? "+" : ""}${delta.toFixed(1)}`}>
              {delta > 0 ? "+" : ""}
              {delta.toFixed(1)}
            </span>
            <Badge tone={delta > 0 ? "danger" : delta < 0 ? "success" : "neutral"}>{delta > 0 ? "worse" : delta < 0 ? "better" : "unchanged"}</Badge>
          </p>
          <p className="text-xs text-fg-muted">
            {riskScore.base.toFixed(1)} → {riskScore.run.toFixed(1)} of 10, against{" "}
            <Link className={`${linkStyles} font-mono`} href={`/runs/${base.id}`}>
              {base.id}
            </Link>
          </p>
        </Card>
        <Count label="New findings" value={findings.new.length} />
        <Count label="Fixed" value={findings.fixed.length} />
        <Count label="Unchanged (still failing)" value={findings.stillFailing.length} hint={findings.notRetested.length ? `${findings.notRetested.length} not retested` : undefined} />
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <FindingList title="New since the previous run" findings={findings.new} empty="No new findings." />
        <FindingList title="Fixed since the previous run" findings={findings.fixed} empty="Nothing was shown fixed." />
      </div>
      {comparison.categories.length > 0 ? (
        <div className="mt-4">
          <h3 className="mb-2 text-sm font-semibold">Pass rate per category, this run and the previous one</h3>
          <CategoryComparisonChart categories={comparison.categories} />
        </div>
      ) : null}
    </>
  );
}

function Count({ label, value, hint }: { label: string; value: number; hint?: string | undefined }) {
  return (
    <Card>
      <p className="text-sm text-fg-muted">{label}</p>
      <p className="mt-1 text-3xl font-semibold tabular-nums">{value}</p>
      {hint ? <p className="text-xs text-fg-muted">{hint}</p> : null}
    </Card>
  );
}

function FindingList({ title, findings, empty }: { title: string; findings: ComparedFinding[]; empty: string }) {
  return (
    <Card>
      <h3 className="text-sm font-semibold">{title}</h3>
      {findings.length === 0 ? (
        <p className="mt-2 text-sm text-fg-muted">{empty}</p>
      ) : (
        <ul aria-label={title} className="mt-2 space-y-2">
          {findings.map((finding) => (
            <li key={finding.fingerprint} className="flex items-center gap-2 text-sm">
              <SeverityBadge severity={finding.severity} />
              <span>{finding.title}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
