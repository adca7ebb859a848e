"use client";

import { FindingSeverity, RunCategory } from "@bulwark/contracts";
import { Field, Select } from "@bulwark/ui";
import { categoryLabel } from "@/features/runs/category-label";
import { UrlFilterForm } from "@/features/shared/url-filter-form";
import { FINDING_STATUSES } from "./finding-statuses";

export type FindingFilterValues = {
  projectId?: string | undefined;
  severity?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
};

const FIELDS = ["projectId", "severity", "category", "status"] as const;

/** The findings list's filters (see UrlFilterForm). */
export function FindingsFilters({ values, projects }: { values: FindingFilterValues; projects: { id: string; name: string }[] }) {
  return (
    <UrlFilterForm path="/findings" fields={FIELDS} values={values} label="Finding filters" className="lg:grid-cols-5">
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
    </UrlFilterForm>
  );
}
