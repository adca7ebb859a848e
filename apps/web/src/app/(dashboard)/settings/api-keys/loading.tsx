import { PageHeader, Skeleton, TableSkeleton } from "@bulwark/ui";

export default function ApiKeysLoading() {
  return (
    <>
      <PageHeader title="API keys" description="Keys let scripts and CI call the REST API as you, with the scopes you choose." actions={<Skeleton className="h-10 w-36" />} />
      <TableSkeleton rows={4} columns={7} rowHeight="h-17.5" label="Loading API keys…" />
    </>
  );
}
