"use client";

import { FindingSeverity, RunCategory } from "@bulwark/contracts";
import { Button, Card, Field, linkStyles, Select } from "@bulwark/ui";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { categoryLabel } from "@/features/runs/category-label";
import { FINDING_STATUSES } from "./finding-statuses";

export interface FindingFilterValues {
  projectId?: string | undefined;
  severity?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
}

const FIELDS = ["projectId", "severity", "category", "status"] as const;

/** `/findings?…` with the given filters (empty ones left out) and page. */
export function findingsHref(values: FindingFilterValues, cursor?: string): string {
  const params = new URLSearchParams();
  for (const name of FIELDS) if (values[name]) params.set(name, values[name]);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/findings?${query}` : "/findings";
}

/**
 * The filters live in the URL, so a filtered view is a link to share. A plain GET form works
 * without JavaScript; with it, empty fields are left out of the URL.
 */
export function FindingsFilters({ values, projects }: { values: FindingFilterValues; projects: { id: string; name: string }[] }) {
  const router = useRouter();
  const active = FIELDS.some((name) => values[name]);
  return (
    <Card className="mb-6">
      <form
        method="get"
        action="/findings"
        aria-label="Finding filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          router.push(findingsHref(Object.fromEntries(FIELDS.map((name) => [name, String(form.get(name) ?? "")]))));
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <Field label="Project">
            {(control) => (
              <Select {...control} name="projectId" defaultValue={values.projectId ?? ""}>
                <option value="">All projects</option>
                {projects.map((project) => (
                  <option key={project.id} value={project.id}>
                    {project.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Severity">
            {(control) => (
              <Select {...control} name="severity" defaultValue={values.severity ?? ""}>
                <option value="">All severities</option>
                {FindingSeverity.options.map((severity) => (
                  <option key={severity} value={severity}>
                    {severity}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Category">
            {(control) => (
              <Select {...control} name="category" defaultValue={values.category ?? ""}>
                <option value="">All categories</option>
                {RunCategory.options.map((category) => (
                  <option key={category} value={category}>
                    {categoryLabel(category)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Triage status">
            {(control) => (
              <Select {...control} name="status" defaultValue={values.status ?? ""}>
                <option value="">All statuses</option>
                {FINDING_STATUSES.map(({ value, label }) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <div className="flex items-center gap-4 sm:pt-6">
            <Button type="submit">Apply filters</Button>
            {active ? (
              <Link className={`${linkStyles} text-sm`} href="/findings">
                Clear
              </Link>
            ) : null}
          </div>
        </div>
      </form>
    </Card>
  );
}
