import { PageHeader, Skeleton, TableSkeleton } from "@bulwark/ui";

export default function MembersLoading() {
  return (
    <>
      <PageHeader title="Members" description={<Skeleton className="h-4 w-72" />} />
      <Skeleton className="mb-3 h-10 w-96" />
      <TableSkeleton rows={4} columns={3} rowHeight="h-14" label="Loading members…" />
    </>
  );
}
