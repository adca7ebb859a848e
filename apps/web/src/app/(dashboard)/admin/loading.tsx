import { PageHeader, Skeleton, TableSkeleton } from "@bulwark/ui";

export default function AdminLoading() {
  return (
    <>
      <PageHeader title="Platform admin" description="Settings for the whole installation: who may sign up, and every organization's tier." />
      <Skeleton className="mb-3 h-5 w-24" />
      <Skeleton className="mb-10 h-50 w-full" />
      <Skeleton className="mb-3 h-10 w-96" />
      <Skeleton className="mb-4 h-34 w-full" />
      <TableSkeleton rows={3} columns={4} rowHeight="h-12" label="Loading platform settings…" />
    </>
  );
}
