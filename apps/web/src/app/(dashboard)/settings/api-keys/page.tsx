import { type ApiKey, PageQuery } from "@bulwark/contracts";
import { Badge, DateTime, EmptyState, linkStyles, PageHeader, StatusBadge, Table, TBody, Td, Th, ThActions, THead } from "@bulwark/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateApiKeyDialog } from "@/features/api-keys/create-api-key-dialog";
import { RevokeCredentialButton } from "@/features/shared/revoke-credential-button";
import { requirePageContext } from "@/server/auth/page-session";
import { listApiKeys } from "@/server/services/api-keys/list-api-keys";

export const metadata: Metadata = { title: "API keys" };

const PAGE_SIZE = 100;
const DESCRIPTION = "Keys let scripts and CI call the REST API as you, with the scopes you choose.";

// A server component renders once per request, so "now" is the request's time.
function keyStatus(key: ApiKey): "active" | "revoked" | "expired" {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= Date.now()) return "expired";
  return "active";
}

function Scopes({ scopes }: { scopes: readonly string[] }) {
  const badges = (list: readonly string[]) => (
    <ul className="flex flex-wrap gap-1">
      {list.map((scope) => (
        <li key={scope}>
          <Badge>{scope}</Badge>
        </li>
      ))}
    </ul>
  );
  if (scopes.length <= 3) return badges(scopes);
  // A long list folds away so one broad key does not make every row tall.
  return (
    <details>
      <summary className="cursor-pointer whitespace-nowrap rounded-sm text-sm text-fg-muted focus-visible:outline-2 focus-visible:outline-brand-600">{scopes.length} scopes</summary>
      <div className="mt-2 max-w-xs">{badges(scopes)}</div>
    </details>
  );
}

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx } = await requirePageContext();
  if (!ctx.scopes.includes("keys:manage")) {
    return (
      <>
        <PageHeader title="API keys" description={DESCRIPTION} />
        <EmptyState title="API keys are managed by owners and admins" description={`Your role (${ctx.role}) cannot create or see keys. Ask an owner or admin of this organization for one.`} />
      </>
    );
  }
  const query = PageQuery.safeParse({ cursor: (await searchParams).cursor, limit: PAGE_SIZE });
  const cursor = query.success ? query.data.cursor : undefined;
  const keys = await listApiKeys(ctx, { cursor, limit: PAGE_SIZE });

  return (
    <>
      <PageHeader title="API keys" description={DESCRIPTION} actions={<CreateApiKeyDialog availableScopes={ctx.scopes} />} />
      {keys.data.length === 0 && !cursor ? (
        <EmptyState title="No API keys yet" description="Create one for each script or pipeline, with only the scopes it needs; revoke it when it is no longer used." />
      ) : (
        <Table>
          <caption className="sr-only">API keys of this organization</caption>
          <THead>
            <tr>
              <Th>Name and prefix</Th>
              <Th>Scopes</Th>
              <Th>Created</Th>
              <Th className="whitespace-nowrap">Last used</Th>
              <Th>Expires</Th>
              <Th>Status</Th>
              {/* Positioned, so the visually hidden label stays inside the table's scroll box. */}
              <ThActions />
            </tr>
          </THead>
          <TBody>
            {keys.data.map((key) => {
              const status = keyStatus(key);
              return (
                <tr key={key.id} className="h-14 align-top">
                  <Td>
                    <div className="font-medium">{key.name}</div>
                    <code className="whitespace-nowrap font-mono text-xs text-fg-muted">{key.prefix}…</code>
                  </Td>
                  <Td>
                    <Scopes scopes={key.scopes} />
                  </Td>
                  <Td>
                    <DateTime value={key.createdAt} precision="date" />
                    <div className="whitespace-nowrap text-xs text-fg-muted">by {key.createdBy.email}</div>
                  </Td>
                  <Td>{key.lastUsedAt ? <DateTime value={key.lastUsedAt} stacked /> : <span className="text-fg-muted">never</span>}</Td>
                  <Td>{key.expiresAt ? <DateTime value={key.expiresAt} stacked /> : <span className="text-fg-muted">never</span>}</Td>
                  <Td>
                    <StatusBadge status={status} />
                  </Td>
                  <Td>
                    <div className="flex justify-end">{status === "active" ? <RevokeCredentialButton kind="apiKey" path={`/api/v1/api-keys/${key.id}`} name={key.name} prefix={key.prefix} /> : null}</div>
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
      {cursor || keys.nextCursor ? (
        <nav aria-label="Key pages" className="mt-3 flex gap-4 text-sm">
          {cursor ? (
            <Link className={linkStyles} href="/settings/api-keys">
              First page
            </Link>
          ) : null}
          {keys.nextCursor ? (
            <Link className={linkStyles} href={`/settings/api-keys?cursor=${encodeURIComponent(keys.nextCursor)}`}>
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
