import { AuditLogQuery } from "@bulwark/contracts";
import { EmptyState, ErrorMessage, linkStyles, PageHeader, Skeleton } from "@bulwark/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AuditFilters, type AuditFilterValues } from "@/features/audit/audit-filters";
import { requirePageContext } from "@/server/auth/page-session";
import { listApiKeys } from "@/server/services/api-keys/list-api-keys";
import { listAuditLogs } from "@/server/services/audit/list-audit-logs";
import { listMembers } from "@/server/services/members/list-members";
import { AuditEntriesTable, hrefWith } from "./audit-entries-table";
import { ChainStatus } from "./chain-status";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const DESCRIPTION = "Every change and sign-in in this organization, newest first, in a hash chain that reveals tampering.";
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_SEQ = 9223372036854775807n;

type SearchParams = Record<string, string | string[] | undefined>;

function text(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/**
 * Days in the URL (readable, linkable), an ISO time range for the service: `to` includes its
 * day. Null for something that is not a real day, such as 2026-02-30.
 */
function toRange(day: string, edge: "start" | "end"): string | null {
  const date = new Date(`${day}T00:00:00.000Z`);
  if (!DAY.test(day) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return null;
  if (edge === "end") date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { ctx } = await requirePageContext();
  if (!ctx.scopes.includes("audit:read")) {
    return (
      <>
        <PageHeader title="Audit log" description={DESCRIPTION} />
        <EmptyState title="The audit log is for owners and admins" description={`Your role (${ctx.role}) cannot read it. Ask an owner or admin of this organization.`} />
      </>
    );
  }

  const params = await searchParams;
  const filters: AuditFilterValues = {
    action: text(params, "action"),
    actorId: text(params, "actorId"),
    targetType: text(params, "targetType"),
    targetId: text(params, "targetId"),
    from: text(params, "from"),
    to: text(params, "to"),
  };
  const cursor = text(params, "cursor");
  const filtered = Object.values(filters).some(Boolean);
  const from = filters.from ? toRange(filters.from, "start") : undefined;
  const to = filters.to ? toRange(filters.to, "end") : undefined;
  const parsed = AuditLogQuery.safeParse({ ...filters, from: from ?? undefined, to: to ?? undefined, cursor, limit: PAGE_SIZE });
  const problems = [
    // The service would hand a larger number to a bigint column and fail with a 500.
    ...(cursor && /^\d+$/.test(cursor) && BigInt(cursor) > MAX_SEQ ? ["That page does not exist."] : []),
    ...(from === null ? ["From must be a date such as 2026-01-31."] : []),
    ...(to === null ? ["To must be a date such as 2026-01-31."] : []),
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`)),
  ];
  const query = problems.length === 0 && parsed.success ? parsed.data : null;

  // Names for the ids in the log, as far as the caller may read them; unknown ids stay ids.
  const [page, members, keys] = await Promise.all([
    query ? listAuditLogs(ctx, query) : null,
    listMembers(ctx, { limit: 100 }),
    ctx.scopes.includes("keys:manage") ? listApiKeys(ctx, { limit: 100 }) : null,
  ]);
  const userNames = new Map(members.data.map((member) => [member.user.id, member.user.email]));
  const keyNames = new Map((keys?.data ?? []).map((key) => [key.id, key.name]));

  return (
    <>
      <PageHeader title="Audit log" description={DESCRIPTION} />
      {/* The height of a verified chain's message, so the filters do not jump when it arrives. */}
      <div className="mb-6 min-h-22.5">
        <Suspense fallback={<Skeleton className="h-22.5 w-full" />}>
          <ChainStatus orgId={ctx.orgId} requestId={ctx.requestId} />
        </Suspense>
      </div>
      <AuditFilters key={JSON.stringify(filters)} values={filters} />

      {!query ? (
        <ErrorMessage title="These filters cannot be used" message={problems.join(" ")} />
      ) : !page || page.data.length === 0 ? (
        <EmptyState
          title={filtered || cursor ? "No entries match" : "No audit entries yet"}
          description={filtered || cursor ? "Try a wider time range or a shorter action prefix." : "Changes and sign-ins in this organization will be recorded here."}
          action={
            filtered || cursor ? (
              <Link className={linkStyles} href="/audit">
                Show all entries
              </Link>
            ) : undefined
          }
        />
      ) : (
        <>
          <AuditEntriesTable entries={page.data} filters={filters} userNames={userNames} keyNames={keyNames} />
          <nav aria-label="Audit log pages" className="mt-3 flex gap-4 text-sm">
            {cursor ? (
              <Link className={linkStyles} href={hrefWith(filters, {})}>
                Newest entries
              </Link>
            ) : null}
            {page.nextCursor ? (
              <Link className={linkStyles} href={hrefWith(filters, { cursor: page.nextCursor })}>
                Older entries
              </Link>
            ) : (
              <span className="text-fg-muted">No older entries</span>
            )}
          </nav>
        </>
      )}
    </>
  );
}
