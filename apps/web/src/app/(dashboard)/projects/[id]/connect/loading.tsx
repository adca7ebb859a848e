import { Skeleton } from "@bulwark/ui";

export default function ConnectLoading() {
  return (
    <div role="status" className="space-y-6">
      <span className="sr-only">Loading the connect wizard…</span>
      <Skeleton className="h-5 w-40" />
      <Skeleton className="h-12 w-72" />
      {[0, 1, 2, 3, 4].map((step) => (
        <Skeleton key={step} className="h-32 w-full" />
      ))}
    </div>
  );
}
