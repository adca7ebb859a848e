"use client";

import type { PutAgentConnectorInput } from "@bulwark/contracts";
import { Button, Checkbox, Field, Input } from "@bulwark/ui";

/** One header as edited. `stored`: a secret the server holds sealed; its value is never sent to the browser. */
export interface HeaderRow {
  key: number;
  name: string;
  value: string;
  secret: boolean;
  stored: boolean;
}

/** A stored secret left alone is sent without a value, which tells the server to keep it. */
export function toHeaderInput(row: HeaderRow): PutAgentConnectorInput["headers"][number] {
  return row.stored ? { name: row.name, secret: true } : { name: row.name, value: row.value, secret: row.secret };
}

export function HeaderRows({ rows, onChange, fieldError }: { rows: HeaderRow[]; onChange: (rows: HeaderRow[]) => void; fieldError: (path: string) => string | undefined }) {
  const update = (key: number, patch: Partial<HeaderRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-fg">Headers</legend>
      <p className="text-xs text-fg-muted">Sent with every call. Mark credentials secret: they are stored sealed and never shown again.</p>
      {rows.length === 0 ? <p className="text-sm text-fg-muted">No headers.</p> : null}
      <ul className="space-y-3">
        {rows.map((row, i) => (
          <li key={row.key} className="grid gap-3 rounded-md border border-border p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <Field label={`Header ${i + 1} name`} error={fieldError(`headers.${i}.name`)}>
              {(control) => <Input {...control} value={row.name} required maxLength={128} readOnly={row.stored} onChange={(event) => update(row.key, { name: event.target.value })} />}
            </Field>
            {row.stored ? (
              <div className="space-y-1">
                <p className="text-sm font-medium text-fg">Header {i + 1} value</p>
                <div className="flex h-10 items-center gap-3">
                  <span className="text-sm text-fg-muted">••• stored</span>
                  <Button variant="secondary" size="sm" aria-label={`Replace the value of ${row.name}`} onClick={() => update(row.key, { stored: false, value: "" })}>
                    Replace
                  </Button>
                </div>
              </div>
            ) : (
              <Field label={`Header ${i + 1} value`} error={fieldError(`headers.${i}.value`)}>
                {(control) => (
                  <Input
                    {...control}
                    type={row.secret ? "password" : "text"}
                    autoComplete="off"
                    value={row.value}
                    maxLength={8192}
                    onChange={(event) => update(row.key, { value: event.target.value })}
                  />
                )}
              </Field>
            )}
            <div className="flex h-10 items-center gap-3">
              <Checkbox label="Secret" checked={row.secret} disabled={row.stored} aria-label={`Header ${i + 1} is secret`} onChange={(event) => update(row.key, { secret: event.target.checked })} />
              <Button variant="ghost" size="sm" aria-label={`Remove header ${i + 1}`} onClick={() => onChange(rows.filter((other) => other.key !== row.key))}>
                Remove
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <Button variant="secondary" size="sm" onClick={() => onChange([...rows, { key: Math.max(-1, ...rows.map((row) => row.key)) + 1, name: "", value: "", secret: false, stored: false }])}>
        Add header
      </Button>
    </fieldset>
  );
}
