"use client";

import { Button, Checkbox, Field, Textarea } from "@bulwark/ui";
import type { DraftField, TurnDraft } from "./scenario-draft";

const PHRASINGS: { part: "direct" | "role_play" | "encoded"; label: string }[] = [
  { part: "direct", label: "direct phrasing" },
  { part: "role_play", label: "role-play phrasing" },
  { part: "encoded", label: "encoded phrasing" },
];

/** One attack turn: its three phrasings and whether its reply is judged. */
export function TurnFields({
  index,
  turn,
  onChange,
  onRemove,
  errorFor,
}: {
  index: number;
  turn: TurnDraft;
  onChange: (turn: TurnDraft) => void;
  onRemove: (() => void) | null;
  errorFor: (field: DraftField) => string | undefined;
}) {
  const n = index + 1;
  return (
    <fieldset className="space-y-3 rounded-md border border-border p-4">
      <legend className="px-1 text-sm font-medium text-fg">Turn {n}</legend>
      {PHRASINGS.map(({ part, label }) => (
        <Field key={part} label={`Turn ${n} ${label}`} error={errorFor(`turns.${index}.${part}`)}>
          {(control) => <Textarea {...control} rows={2} className="font-sans" value={turn[part]} onChange={(event) => onChange({ ...turn, [part]: event.target.value })} />}
        </Field>
      ))}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Checkbox
          checked={turn.judge}
          onChange={(event) => onChange({ ...turn, judge: event.target.checked })}
          label={`Judge turn ${n}`}
          description="Unjudged turns only set the stage; the last turn must be judged."
        />
        {onRemove ? (
          <Button variant="ghost" size="sm" onClick={onRemove}>
            Remove turn {n}
          </Button>
        ) : null}
      </div>
      {errorFor(`turns.${index}.judge`) ? (
        <p role="alert" className="text-xs text-danger-700">
          {errorFor(`turns.${index}.judge`)}
        </p>
      ) : null}
    </fieldset>
  );
}
