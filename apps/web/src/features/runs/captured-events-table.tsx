"use client";

import { DestinationClass } from "@bulwark/contracts";
import { Badge, Button, EmptyState, ErrorMessage, Field, Input, Select, Skeleton, TBody, Td, Th, THead } from "@bulwark/ui";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useMemo, useRef, useState } from "react";
import type { CapturedRow } from "./captured-row";
import type { CapturedEvents } from "./use-captured-events";

/** Every row has this height (cells never wrap), so the virtual window never shifts the layout. */
const ROW_HEIGHT = 37;
const VIEWPORT = "h-[28rem]";
/** The scroll area's height in pixels (28rem), so the server renders the first rows too. */
const VIEWPORT_PX = 448;
const COLUMNS = 6;
const count = new Intl.NumberFormat("en-US");
const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3, timeZone: "UTC" });

const label = (value: string) => value.replaceAll("_", " ");

function matches(row: CapturedRow, destination: string, host: string): boolean {
  return (destination === "" || row.destinationClass === destination) && (host === "" || row.host.toLowerCase().includes(host));
}

/**
 * The run's captured events in a virtual table: only the rows in view (and a few either side)
 * are in the DOM, so tens of thousands stay responsive. The scroll area is focusable, so the
 * keyboard scrolls it; rows carry aria-rowindex so screen readers know where they are.
 */
export function CapturedEventsTable({ events, active }: { events: CapturedEvents; active: boolean }) {
  const [destination, setDestination] = useState("");
  const [hostInput, setHostInput] = useState("");
  // Typing stays instant; the 10,000-row filter runs behind it.
  const host = useDeferredValue(hostInput.trim().toLowerCase());
  const shown = useMemo(() => (destination === "" && host === "" ? events.rows : events.rows.filter((row) => matches(row, destination, host))), [events.rows, destination, host]);
  const filtered = shown !== events.rows;

  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own onChange; nothing here is memoized by the compiler.
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 0, height: VIEWPORT_PX },
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items.at(-1)!.end : 0;

  if (events.total === 0 && events.rows.length === 0 && !events.loading && !events.error) {
    return <EmptyState title="No events captured" description={active ? "Requests appear here as the Bulwark sidecar beside the agent captures them." : "The agent made no request the sidecar saw, or it ran without the sidecar."} />;
  }

  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[14rem_1fr_auto] sm:items-end">
        <Field label="Destination class">
          {(control) => (
            <Select {...control} value={destination} onChange={(event) => setDestination(event.target.value)}>
              <option value="">All classes</option>
              {DestinationClass.options.map((option) => (
                <option key={option} value={option}>
                  {label(option)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Host contains">
          {(control) => <Input {...control} type="search" value={hostInput} onChange={(event) => setHostInput(event.target.value)} autoComplete="off" spellCheck={false} />}
        </Field>
        <p role="status" className="h-10 content-center text-sm text-fg-muted tabular-nums sm:text-right">
          {filtered ? `${count.format(shown.length)} of ${count.format(events.total)} events` : `${count.format(events.total)} events`}
          {events.loading ? ` · loading ${count.format(events.rows.length)}…` : ""}
        </p>
      </div>
      {events.error ? (
        <div className="space-y-2">
          <ErrorMessage title="Some captured events could not be loaded" message={events.error.message} requestId={events.error.requestId} />
          <Button variant="secondary" onClick={events.retry}>
            Try again
          </Button>
        </div>
      ) : null}
      <div ref={scroller} tabIndex={0} role="region" aria-label="Captured events (scrollable)" className={`${VIEWPORT} overflow-auto rounded-lg border border-border bg-surface focus-visible:outline-2 focus-visible:outline-brand-600`}>
        {events.rows.length === 0 && events.loading ? (
          <div role="status" className="space-y-3 p-4">
            <span className="sr-only">Loading captured events…</span>
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-5" />
            ))}
          </div>
        ) : (
          <table aria-label="Captured events of this run" aria-rowcount={shown.length + 1} className="w-full table-fixed border-collapse text-left text-sm">
            <colgroup>
              <col className="w-32" />
              <col className="w-20" />
              <col />
              <col className="w-36" />
              <col className="w-16" />
              <col className="w-48" />
            </colgroup>
            <THead>
              <tr aria-rowindex={1} className="sticky top-0 z-10 bg-surface-muted">
                <Th>Time (UTC)</Th>
                <Th>Method</Th>
                <Th>Host and path</Th>
                <Th>Class</Th>
                <Th>Status</Th>
                <Th>Hits</Th>
              </tr>
            </THead>
            <TBody>
              {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }} /> : null}
              {shown.length === 0 ? (
                <tr>
                  <Td colSpan={COLUMNS} className="text-center text-fg-muted">
                    No captured event matches these filters.
                  </Td>
                </tr>
              ) : (
                items.map((item) => <EventRow key={shown[item.index]!.id} row={shown[item.index]!} index={item.index} />)
              )}
              {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }} /> : null}
            </TBody>
          </table>
        )}
      </div>
    </div>
  );
}

const CELL = "overflow-hidden text-ellipsis whitespace-nowrap";

function EventRow({ row, index }: { row: CapturedRow; index: number }) {
  return (
    <tr aria-rowindex={index + 2} style={{ height: ROW_HEIGHT }}>
      <Td className={`${CELL} font-mono text-xs text-fg-muted`}>{time.format(new Date(row.ts))}</Td>
      <Td className={`${CELL} font-mono text-xs`}>{row.method}</Td>
      <Td className={CELL} title={`${row.host}${row.path ?? ""}`}>
        <span className="font-mono text-xs">{row.host}</span>
        {row.path ? <span className="font-mono text-xs text-fg-muted">{row.path}</span> : null}
      </Td>
      <Td className={CELL}>
        {label(row.destinationClass)}
        {row.sinkholed ? (
          <span className="ml-1">
            <Badge tone="warning">sinkholed</Badge>
          </span>
        ) : null}
      </Td>
      <Td className={`${CELL} tabular-nums`}>{row.status ?? "—"}</Td>
      <Td className={CELL}>
        {row.hits.length === 0 ? (
          <span className="text-fg-muted">none</span>
        ) : (
          row.hits.map((hit) => (
            <span key={hit} className="mr-1">
              <Badge tone="danger">{hit}</Badge>
            </span>
          ))
        )}
      </Td>
    </tr>
  );
}
