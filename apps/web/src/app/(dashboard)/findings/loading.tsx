import { PageHeader, Skeleton, TableSkeleton } from "@bulwark/ui";

export default function FindingsLoading() {
  return (
    <>
      <PageHeader title="Findings" description="Every finding of every run in this organization, newest first." />
      <Skeleton className="mb-6 h-28 w-full" />
      <TableSkeleton rows={8} columns={7} rowHeight="h-16" label="Loading findings…" />
    </>
  );
}
