"use client";

import { Button, Card, Field, Input, linkStyles } from "@bulwark/ui";
import Link from "next/link";
import { useRouter } from "next/navigation";

export interface AuditFilterValues {
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const FIELDS = ["action", "actorId", "targetType", "targetId", "from", "to"] as const;

// Suggestions only: any action or prefix ending in "." works.
const ACTION_PREFIXES = ["auth.", "member.", "invitation.", "api_key.", "project.", "org."];

/**
 * The filters live in the URL, so a filtered view is a link to share. A plain GET form works
 * without JavaScript; with it, empty fields are left out of the URL.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function AuditFilters({ values }: { values: AuditFilterValues }) {
  const router = useRouter();
  const active = FIELDS.some((name) => values[name]);
  return (
    <Card className="mb-6">
      <form
        method="get"
        action="/audit"
        aria-label="Audit log filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const params = new URLSearchParams();
          for (const name of FIELDS) {
            const value = String(form.get(name) ?? "").trim();
            if (value) params.set(name, value);
          }
          const query = params.toString();
          router.push(query ? `/audit?${query}` : "/audit");
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
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
          <div className="flex items-center gap-4 sm:pt-6">
            <Button type="submit">Apply filters</Button>
            {active ? (
              <Link className={`${linkStyles} text-sm`} href="/audit">
                Clear filters
              </Link>
            ) : null}
          </div>
        </div>
        <datalist id="audit-action-prefixes">
          {ACTION_PREFIXES.map((prefix) => (
            <option key={prefix} value={prefix} />
          ))}
        </datalist>
      </form>
    </Card>
  );
}
