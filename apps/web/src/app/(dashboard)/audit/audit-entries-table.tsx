import type { AuditLogEntry } from "@bulwark/contracts";
import { DateTime, linkStyles, Table, TBody, Td, Th, THead } from "@bulwark/ui";
import Link from "next/link";
import { Fragment } from "react";
import type { AuditFilterValues } from "@/features/audit/audit-filters";
import { filtersHref } from "@/features/shared/filters-href";

/** The audit view with these filters and `extra` on top; without a cursor, so it starts at the newest. */
export function hrefWith(filters: AuditFilterValues, extra: Record<string, string>): string {
  return filtersHref("/audit", { ...filters, ...extra });
}

/** Lets `allowlist_entry.create` wrap after its dot, and nowhere else. */
function BreakAfterDots({ text }: { text: string }) {
  const parts = text.split(".");
  return parts.map((part, index) => (
    <Fragment key={index}>
      <span className="whitespace-nowrap">{index < parts.length - 1 ? `${part}.` : part}</span>
      {index < parts.length - 1 ? <wbr /> : null}
    </Fragment>
  ));
}

const ACTOR_TYPES: Record<AuditLogEntry["actor"]["type"], string> = { user: "User", api_key: "API key", sidecar: "Sidecar", system: "System", anonymous: "Anonymous" };

/**
 * One row per entry; actor, action and target link to the log filtered by them. Names come from
 * what the caller may read (members, keys); other ids are shown as ids.
 */
export function AuditEntriesTable({ entries, filters, userNames, keyNames }: { entries: AuditLogEntry[]; filters: AuditFilterValues; userNames: Map<string, string>; keyNames: Map<string, string> }) {
  return (
    <Table>
      <caption className="sr-only">Audit log entries, newest first</caption>
      <THead>
        <tr>
          <Th className="w-12">#</Th>
          <Th>Time</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>IP</Th>
          <Th className="min-w-48">Parameters</Th>
        </tr>
      </THead>
      <TBody>
        {entries.map((entry) => {
          const actorId = entry.actor.apiKeyId ?? entry.actor.userId;
          const actorName = entry.actor.apiKeyId ? keyNames.get(entry.actor.apiKeyId) : entry.actor.userId ? userNames.get(entry.actor.userId) : undefined;
          return (
            <tr key={entry.id}>
              <Td className="font-mono text-xs text-fg-muted">{entry.seq}</Td>
              <Td className="text-xs">
                <DateTime value={entry.createdAt} precision="second" stacked />
              </Td>
              <Td>
                <div className="text-xs text-fg-muted">{ACTOR_TYPES[entry.actor.type]}</div>
                {actorId ? (
                  <Link className={`${linkStyles} block max-w-40 truncate text-xs`} href={hrefWith(filters, { actorId })} title={`${actorName ?? actorId} (${actorId}): show only their entries`}>
                    {actorName ?? actorId}
                  </Link>
                ) : null}
              </Td>
              <Td>
                <Link className={`${linkStyles} font-mono text-xs`} href={hrefWith(filters, { action: entry.action })} title={`Only ${entry.action} entries`}>
                  <BreakAfterDots text={entry.action} />
                </Link>
              </Td>
              <Td>
                {entry.target ? (
                  <>
                    <div className="text-xs text-fg-muted">{entry.target.type}</div>
                    {entry.target.id ? (
                      <Link
                        className={`${linkStyles} block max-w-32 truncate font-mono text-xs`}
                        href={hrefWith(filters, { targetType: entry.target.type, targetId: entry.target.id })}
                        title={`${entry.target.id}: show only entries about it`}
                      >
                        {entry.target.id}
                      </Link>
                    ) : null}
                  </>
                ) : (
                  <span className="text-fg-muted">—</span>
                )}
              </Td>
              <Td className="w-24 break-all font-mono text-xs">{entry.ip ?? <span className="text-fg-muted">—</span>}</Td>
              <Td className="max-w-sm">
                {entry.paramsPreview ? <code className="block break-all font-mono text-xs text-fg">{entry.paramsPreview}</code> : <span className="text-fg-muted">—</span>}
                <details className="mt-1 text-xs">
                  <summary className="cursor-pointer rounded-sm text-fg-muted focus-visible:outline-2 focus-visible:outline-brand-600">Details</summary>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 break-all font-mono">
                    <dt className="text-fg-muted">request</dt>
                    <dd>{entry.requestId ?? "—"}</dd>
                    <dt className="text-fg-muted">agent</dt>
                    <dd className="font-sans">{entry.userAgent ?? "—"}</dd>
                    <dt className="text-fg-muted">params</dt>
                    <dd>{entry.paramsHash ?? "—"}</dd>
                    <dt className="text-fg-muted">hash</dt>
                    <dd>{entry.hash}</dd>
                    <dt className="text-fg-muted">prev</dt>
                    <dd>{entry.prevHash ?? "—"}</dd>
                  </dl>
                </details>
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
