import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger" | "critical";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-surface-muted text-fg-muted ring-border",
  info: "bg-brand-50 text-brand-800 ring-brand-200",
  success: "bg-success-50 text-success-800 ring-success-200",
  warning: "bg-warning-50 text-warning-800 ring-warning-200",
  danger: "bg-danger-50 text-danger-800 ring-danger-200",
  critical: "bg-danger-700 text-white ring-danger-800",
};

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", TONES[tone])}>{children}</span>;
}

const SEVERITY_TONE: Record<string, BadgeTone> = { critical: "critical", high: "danger", medium: "warning", low: "info", info: "neutral" };

export function SeverityBadge({ severity }: { severity: string }) {
  return <Badge tone={SEVERITY_TONE[severity.toLowerCase()] ?? "neutral"}>{severity.toLowerCase()}</Badge>;
}

const STATUS_TONE: Record<string, BadgeTone> = {
  queued: "neutral",
  running: "info",
  completed: "success",
  failed: "danger",
  canceled: "warning",
  stopped: "warning",
  pass: "success",
  fail: "danger",
  inconclusive: "warning",
  active: "success",
  revoked: "neutral",
  expired: "neutral",
  pending: "info",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONE[status.toLowerCase()] ?? "neutral"}>{status.toLowerCase().replaceAll("_", " ")}</Badge>;
}
