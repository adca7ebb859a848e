"use client";

import { cn } from "@bulwark/ui";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, children }: { href: string; children: string }) {
  const pathname = usePathname();
  const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "block rounded-md px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-600",
        active ? "bg-brand-50 font-medium text-brand-800" : "text-fg-muted hover:bg-surface-muted hover:text-fg",
      )}
    >
      {children}
    </Link>
  );
}
