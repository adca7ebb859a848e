import { PageHeader, Skeleton, TableSkeleton } from "@bulwark/ui";

export default function AuditLoading() {
  return (
    <>
      <PageHeader title="Audit log" description="Every change and sign-in in this organization, newest first, in a hash chain that reveals tampering." />
      <Skeleton className="mb-6 h-22.5 w-full" />
      <Skeleton className="mb-6 h-56 w-full" />
      <TableSkeleton rows={8} columns={7} rowHeight="h-16" label="Loading the audit log…" />
    </>
  );
}
