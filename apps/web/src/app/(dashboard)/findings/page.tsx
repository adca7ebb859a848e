import { ListFindingsQuery } from "@bulwark/contracts";
import { EmptyState, ErrorMessage, linkStyles, PageHeader } from "@bulwark/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { FindingsFilters, type FindingFilterValues } from "@/features/findings/findings-filters";
import { filtersHref } from "@/features/shared/filters-href";
import { FindingsTable } from "@/features/findings/findings-table";
import { requirePageContext } from "@/server/auth/page-session";
import { listFindings } from "@/server/services/findings/list-findings";
import { listProjects } from "@/server/services/projects/list-projects";

export const metadata: Metadata = { title: "Findings" };

const PAGE_SIZE = 25;
const DESCRIPTION = "Every finding of every run in this organization, newest first.";

type SearchParams = Record<string, string | string[] | undefined>;

function text(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

export default async function FindingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { ctx } = await requirePageContext();
  const params = await searchParams;
  const filters: FindingFilterValues = { projectId: text(params, "projectId"), severity: text(params, "severity"), category: text(params, "category"), status: text(params, "status") };
  const cursor = text(params, "cursor");
  const filtered = Object.values(filters).some(Boolean);
  // The same schema as GET /api/v1/findings, so the page and the API accept the same filters.
  const parsed = ListFindingsQuery.safeParse({ ...filters, cursor, limit: PAGE_SIZE });
  // Projects are capped per org (projects_per_org), so one page of 100 names them for the filter.
  const [page, projects] = await Promise.all([parsed.success ? listFindings(ctx, parsed.data) : null, listProjects(ctx, { limit: 100 })]);
  const projectNames = Object.fromEntries(projects.data.map((project) => [project.id, project.name]));

  return (
    <>
      <PageHeader title="Findings" description={DESCRIPTION} />
      <FindingsFilters key={JSON.stringify(filters)} values={filters} projects={projects.data.map(({ id, name }) => ({ id, name }))} />
      {!parsed.success ? (
        <ErrorMessage title="These filters cannot be used" message={parsed.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join(" ")} />
      ) : !page || page.data.length === 0 ? (
        <EmptyState
          title={filtered || cursor ? "No findings match" : "No findings yet"}
          description={filtered || cursor ? "Try other filters." : "Findings appear here when a run shows that an agent fails an attack."}
          action={
            filtered || cursor ? (
              <Link className={linkStyles} href="/findings">
                Show all findings
              </Link>
            ) : undefined
          }
        />
      ) : (
        <>
          <FindingsTable findings={page.data} caption="Findings" canTriage={ctx.scopes.includes("findings:write")} projects={projectNames} />
          <nav aria-label="Finding pages" className="mt-3 flex gap-4 text-sm">
            {cursor ? (
              <Link className={linkStyles} href={filtersHref("/findings", filters)}>
                Newest findings
              </Link>
            ) : null}
            {page.nextCursor ? (
              <Link className={linkStyles} href={filtersHref("/findings", { ...filters, cursor: page.nextCursor })}>
                Older findings
              </Link>
            ) : (
              <span className="text-fg-muted">No older findings.</span>
            )}
          </nav>
        </>
      )}
    </>
  );
}
