import { redact } from "@bulwark/detect";

/**
 * Agent-derived names and hosts go into verdict reasons, story steps and reports: keep them
 * short and on one line, so a hostile tool name cannot forge extra report lines or bury the
 * sentence, and redacted, because a host can carry a secret (DNS-style exfiltration puts it in
 * the name, where the sidecar's body redaction never looks).
 */
export function safeText(value: string, maxLength = 80): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const oneLine = redact(value).text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
  return oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
}
