"use client";

import { Field, Input } from "@bulwark/ui";
import { UrlFilterForm } from "@/features/shared/url-filter-form";

export type AuditFilterValues = {
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

const FIELDS = ["action", "actorId", "targetType", "targetId", "from", "to"] as const;

// Suggestions only: any action or prefix ending in "." works.
const ACTION_PREFIXES = ["auth.", "member.", "invitation.", "api_key.", "project.", "org."];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The audit log's filters (see UrlFilterForm). */
export function AuditFilters({ values }: { values: AuditFilterValues }) {
  return (
    <UrlFilterForm path="/audit" fields={FIELDS} values={values} label="Audit log filters" className="lg:grid-cols-3">
      <Field label="Action" hint="Exact, or a prefix ending in a dot: project.">
        {(control) => <Input {...control} name="action" defaultValue={values.action} list="audit-action-prefixes" maxLength={100} spellCheck={false} placeholder="member.role_change" />}
      </Field>
      <Field label="Actor id" hint="A user id (usr_…) or API key id (key_…).">
        {(control) => <Input {...control} name="actorId" defaultValue={values.actorId} maxLength={64} spellCheck={false} className="font-mono" />}
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field label="From (UTC)">{(control) => <Input {...control} name="from" type="date" defaultValue={values.from && DAY.test(values.from) ? values.from : undefined} />}</Field>
        <Field label="To (UTC)" hint="Inclusive.">
          {(control) => <Input {...control} name="to" type="date" defaultValue={values.to && DAY.test(values.to) ? values.to : undefined} />}
        </Field>
      </div>
      <Field label="Target type" hint="e.g. project, membership, api_key.">
        {(control) => <Input {...control} name="targetType" defaultValue={values.targetType} maxLength={50} spellCheck={false} />}
      </Field>
      <Field label="Target id">{(control) => <Input {...control} name="targetId" defaultValue={values.targetId} maxLength={64} spellCheck={false} className="font-mono" />}</Field>
      <datalist id="audit-action-prefixes">
        {ACTION_PREFIXES.map((prefix) => (
          <option key={prefix} value={prefix} />
        ))}
      </datalist>
    </UrlFilterForm>
  );
}
