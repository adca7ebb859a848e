import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePageUser } from "@/server/auth/page-session";

/**
 * Platform administration exists only for platform admins; everyone else gets a plain 404, not
 * a 403, so the page's existence is not advertised. Checked here rather than only in the page:
 * the layout renders before the segment's loading state streams, so the answer is a real 404.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  if (!user.isPlatformAdmin) notFound();
  return children;
}
