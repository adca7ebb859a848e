import { PageHeader, Skeleton } from "@bulwark/ui";

export default function UsageLoading() {
  return (
    <>
      <PageHeader title="Usage & quotas" description="What this organization used over the last 30 days, and how close it is to each limit." />
      <div role="status" className="space-y-6">
        <span className="sr-only">Loading usage…</span>
        <Skeleton className="h-80 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    </>
  );
}
