import { Skeleton, TableSkeleton } from "@bulwark/ui";

export default function RunLoading() {
  return (
    <>
      <Skeleton className="mb-2 h-5 w-40" />
      <Skeleton className="mb-6 h-12 w-96" />
      <Skeleton className="mb-8 h-32 w-full" />
      <TableSkeleton rows={5} columns={5} label="Loading the run…" />
    </>
  );
}
