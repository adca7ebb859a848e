import { linkStyles } from "@bulwark/ui";

const FORMATS = [
  { format: "md", label: "Markdown" },
  { format: "html", label: "HTML" },
  { format: "json", label: "JSON" },
  { format: "sarif", label: "SARIF" },
  { format: "junit", label: "JUnit XML" },
] as const;

/** Plain links: the browser sends the session cookie and saves the attachment the API names. */
export function ReportDownloads({ runId }: { runId: string }) {
  return (
    <ul aria-label="Report downloads" className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
      {FORMATS.map(({ format, label }) => (
        <li key={format}>
          <a className={linkStyles} href={`/api/v1/runs/${runId}/report?format=${format}`} download>
            {label} report
          </a>
        </li>
      ))}
    </ul>
  );
}
