"use client";

import type { ReactNode } from "react";
import { Callout } from "./callout";
import { CopyButton } from "./copy-button";
import { Field, Input } from "./field";

/**
 * A secret the server returns once (an API key, an invitation link): read-only, selected on
 * focus, with a copy button and a plain warning that it will not be shown again. `actions` sit
 * on the copy button's row (a "Done" button, typically).
 */
export function OneTimeSecret({ label, value, note, copyLabel = "Copy", actions }: { label: string; value: string; note: ReactNode; copyLabel?: string; actions?: ReactNode }) {
  return (
    <div className="space-y-3">
      <Callout tone="warning" title="Copy it now — you will not see it again.">
        {note}
      </Callout>
      <Field label={label}>
        {(control) => <Input {...control} readOnly value={value} spellCheck={false} className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />}
      </Field>
      <div className="flex items-center justify-between gap-2">
        <CopyButton value={value} label={copyLabel} />
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}
