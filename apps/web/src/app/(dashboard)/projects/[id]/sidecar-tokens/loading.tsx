import { Skeleton, TableSkeleton } from "@bulwark/ui";

export default function SidecarTokensLoading() {
  return (
    <>
      <Skeleton className="mb-2 h-5 w-40" />
      <Skeleton className="mb-6 h-12 w-72" />
      <TableSkeleton rows={3} columns={6} label="Loading the sidecar tokens…" />
    </>
  );
}
