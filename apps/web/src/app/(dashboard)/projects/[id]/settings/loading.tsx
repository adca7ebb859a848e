import { Skeleton } from "@bulwark/ui";

export default function ProjectSettingsLoading() {
  return (
    <div role="status">
      <span className="sr-only">Loading the project settings…</span>
      <Skeleton className="mb-2 h-5 w-40" />
      <Skeleton className="mb-6 h-12 w-72" />
      <Skeleton className="mb-10 h-96 w-full" />
      <Skeleton className="h-72 w-full" />
    </div>
  );
}
