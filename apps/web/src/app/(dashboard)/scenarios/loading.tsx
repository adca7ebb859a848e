import { PageHeader, Skeleton } from "@bulwark/ui";

export default function ScenariosLoading() {
  return (
    <>
      <PageHeader title="Scenarios" description="The attacks a run can send: the built-in catalog and your organization's own scenarios." />
      <div role="status" className="space-y-4">
        <span className="sr-only">Loading the scenario library…</span>
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-96 w-full" />
      </div>
    </>
  );
}
