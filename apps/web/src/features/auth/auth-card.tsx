import { Card } from "@bulwark/ui";
import type { ReactNode } from "react";

export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-semibold tracking-tight text-brand-700">Bulwark</p>
        <Card>
          <h1 className="mb-4 text-xl font-semibold">{title}</h1>
          {children}
        </Card>
        {footer ? <div className="mt-4 text-center text-sm text-fg-muted">{footer}</div> : null}
      </div>
    </main>
  );
}
