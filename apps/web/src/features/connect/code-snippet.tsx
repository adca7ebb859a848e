"use client";

import { CopyButton } from "@bulwark/ui";
import { useId } from "react";

/** A copyable block of configuration, labelled so the copy button says what it copies. */
export function CodeSnippet({ title, value }: { title: string; value: string }) {
  const titleId = useId();
  return (
    <figure className="space-y-2" aria-labelledby={titleId}>
      <div className="flex items-center justify-between gap-2">
        <figcaption id={titleId} className="text-sm font-medium text-fg">
          {title}
        </figcaption>
        <CopyButton value={value} label={`Copy ${title.toLowerCase()}`} />
      </div>
      {/* Focusable, so a keyboard user can scroll a long snippet. */}
      <pre tabIndex={0} className="overflow-x-auto rounded-md border border-border bg-surface-muted p-3 font-mono text-xs text-fg focus-visible:outline-2 focus-visible:outline-brand-600">
        {value}
      </pre>
    </figure>
  );
}
