/** Text links (next/link or <a>) look and focus the same everywhere. */
export const linkStyles =
  "rounded-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
