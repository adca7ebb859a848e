import { PageQuery } from "@bulwark/contracts";
import { Badge, Callout, Card, DateTime, EmptyState, linkStyles, PageHeader, Section, Table, TBody, Td, Th, ThActions, THead } from "@bulwark/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AllowlistForm } from "@/features/admin/allowlist-form";
import { DeleteAllowlistEntryButton } from "@/features/admin/delete-allowlist-entry-button";
import { OrganizationTierSelect } from "@/features/admin/organization-tier-select";
import { PlatformHealth } from "@/features/admin/platform-health";
import { SignupModeForm } from "@/features/admin/signup-mode-form";
import { requirePageUserContext } from "@/server/auth/page-session";
import { getMetricsSummary } from "@/server/services/platform/get-metrics-summary";
import { getSignupMode } from "@/server/services/platform/get-signup-mode";
import { listAdminOrganizations } from "@/server/services/platform/list-admin-organizations";
import { listAllowlistEntries } from "@/server/services/platform/list-allowlist-entries";

export const metadata: Metadata = { title: "Platform admin" };

const PAGE_SIZE = 100;

type SearchParams = Record<string, string | string[] | undefined>;

function cursorOf(params: SearchParams, name: string): string | undefined {
  const query = PageQuery.safeParse({ cursor: params[name] });
  return query.success ? query.data.cursor : undefined;
}

function Pager({ label, current, next, href }: { label: string; current: string | undefined; next: string | null; href: (cursor?: string) => string }) {
  if (!current && !next) return null;
  return (
    <nav aria-label={label} className="mt-3 flex gap-4 text-sm">
      {current ? (
        <Link className={linkStyles} href={href()}>
          First page
        </Link>
      ) : null}
      {next ? (
        <Link className={linkStyles} href={href(next)}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}

export default async function AdminPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { userCtx } = await requirePageUserContext();
  // The layout answers 404 already; the services assert it a third time.
  if (!userCtx.isPlatformAdmin) notFound();

  const params = await searchParams;
  const allowlistCursor = cursorOf(params, "allowlistCursor");
  const orgCursor = cursorOf(params, "orgCursor");
  const [signup, allowlist, orgs, health] = await Promise.all([
    getSignupMode(userCtx),
    listAllowlistEntries(userCtx, { cursor: allowlistCursor, limit: PAGE_SIZE }),
    listAdminOrganizations(userCtx, { cursor: orgCursor, limit: PAGE_SIZE }),
    getMetricsSummary(userCtx),
  ]);
  const href = (extra: Record<string, string | undefined>) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries({ allowlistCursor, orgCursor, ...extra })) if (value) query.set(name, value);
    return query.size > 0 ? `/admin?${query.toString()}` : "/admin";
  };

  return (
    <>
      <PageHeader title="Platform admin" description="Settings for the whole installation: who may sign up, and every organization's tier." />

      <Section title="Platform health" description="Runs, workers and the job queue right now; the same figures /api/metrics gives Prometheus.">
        <PlatformHealth summary={health} />
      </Section>

      <Section title="Sign-up">
        <Card>
          <SignupModeForm key={signup.mode} mode={signup.mode} />
        </Card>
      </Section>

      <Section title="Allowlist" description="Addresses and domains that may sign up while the mode is Allowlist.">
        {signup.mode !== "allowlist" ? (
          <Callout className="mb-4" title="The allowlist is not in force">
            Sign-up is {signup.mode === "open" ? "open to anyone" : "by invitation only"}, so these entries have no effect until you choose Allowlist above.
          </Callout>
        ) : null}
        <Card className="mb-4">
          <AllowlistForm />
        </Card>
        {allowlist.data.length === 0 && !allowlistCursor ? (
          <EmptyState title="The allowlist is empty" description="Add an email address or a domain above." />
        ) : (
          <Table>
            <caption className="sr-only">Allowlist entries</caption>
            <THead>
              <tr>
                <Th>Entry</Th>
                <Th>Kind</Th>
                <Th>Note</Th>
                <Th>Added</Th>
                <ThActions />
              </tr>
            </THead>
            <TBody>
              {allowlist.data.map((entry) => (
                <tr key={entry.id} className="h-12">
                  <Td className="font-mono text-xs">{entry.value}</Td>
                  <Td>
                    <Badge tone={entry.kind === "domain" ? "info" : "neutral"}>{entry.kind}</Badge>
                  </Td>
                  <Td className="text-fg-muted">{entry.note ?? "—"}</Td>
                  <Td>
                    <DateTime value={entry.createdAt} precision="date" />
                    {entry.createdBy ? <div className="text-xs text-fg-muted">by {entry.createdBy.email}</div> : null}
                  </Td>
                  <Td>
                    <div className="flex justify-end">
                      <DeleteAllowlistEntryButton entryId={entry.id} value={entry.value} />
                    </div>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pager label="Allowlist pages" current={allowlistCursor} next={allowlist.nextCursor} href={(cursor) => href({ allowlistCursor: cursor })} />
      </Section>

      <Section title="Organizations" description="Every organization on this installation. The tier sets its quotas; a change is recorded in that organization's own audit log.">
        {orgs.data.length === 0 ? (
          <EmptyState title="No organizations" />
        ) : (
          <Table>
            <caption className="sr-only">All organizations</caption>
            <THead>
              <tr>
                <Th>Name</Th>
                <Th>Slug</Th>
                <Th className="text-right">Members</Th>
                <Th>Created</Th>
                <Th>Tier</Th>
              </tr>
            </THead>
            <TBody>
              {orgs.data.map((org) => (
                <tr key={org.id} className="h-14">
                  <Td className="font-medium">{org.name}</Td>
                  <Td className="font-mono text-xs">{org.slug}</Td>
                  <Td className="text-right tabular-nums">{org.memberCount}</Td>
                  <Td>
                    <DateTime value={org.createdAt} precision="date" />
                  </Td>
                  <Td>
                    <OrganizationTierSelect key={org.tier} orgId={org.id} orgName={org.name} tier={org.tier} />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pager label="Organization pages" current={orgCursor} next={orgs.nextCursor} href={(cursor) => href({ orgCursor: cursor })} />
      </Section>
    </>
  );
}
