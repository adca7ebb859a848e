import { Skeleton, TableSkeleton } from "@bulwark/ui";

export default function ProjectLoading() {
  return (
    <>
      <Skeleton className="mb-2 h-5 w-16" />
      <Skeleton className="mb-6 h-12 w-72" />
      <Skeleton className="mb-10 h-96 w-full" />
      <TableSkeleton rows={4} columns={5} rowHeight="h-14" label="Loading the project…" />
    </>
  );
}
