"use client";

import { Button, Card, cn, linkStyles } from "@bulwark/ui";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { filtersHref } from "./filters-href";

/**
 * A list's filters, kept in the URL so a filtered view is a link to share. A plain GET form works
 * without JavaScript; with it, empty fields are left out of the URL. `children` are the fields,
 * each named after one of `fields`.
 */
export function UrlFilterForm({
  path,
  fields,
  values,
  label,
  className,
  children,
}: {
  path: string;
  fields: readonly string[];
  values: Record<string, string | undefined>;
  label: string;
  /** The grid's wide-screen columns, e.g. `lg:grid-cols-3`. */
  className: string;
  children: ReactNode;
}) {
  const router = useRouter();
  return (
    <Card className="mb-6">
      <form
        method="get"
        action={path}
        aria-label={label}
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          router.push(filtersHref(path, Object.fromEntries(fields.map((name) => [name, String(form.get(name) ?? "")]))));
        }}
      >
        <div className={cn("grid gap-4 sm:grid-cols-2", className)}>
          {children}
          <div className="flex items-center gap-4 sm:pt-6">
            <Button type="submit">Apply filters</Button>
            {fields.some((name) => values[name]) ? (
              <Link className={`${linkStyles} text-sm`} href={path}>
                Clear filters
              </Link>
            ) : null}
          </div>
        </div>
      </form>
    </Card>
  );
}
