import { canaryForms } from "../verdicts/detectors/canary-forms";
import { safeText } from "../verdicts/detectors/safe-text";

/**
 * Agent-derived text fit for a story step: planted values masked in every form the canary
 * detector recognises (detect never redacts canaries, by design, so they would survive; and a
 * URL parser lower-cases the host they hide in), then `safeText` (redacted, one short line).
 * Applied to names and hosts too: DNS-style exfiltration puts the value in the host name.
 */
export function cleanStoryText(text: string, plantedValues: readonly string[], maxLength = 80): string {
  let masked = text;
  for (const value of plantedValues) {
    for (const form of canaryForms(value)) masked = maskAll(masked, form.text, form.ignoreCase);
    if (value.length > 0) masked = maskAll(masked, value, false);
  }
  return safeText(masked, maxLength);
}

function maskAll(text: string, needle: string, ignoreCase: boolean): string {
  // A literal pattern (every metacharacter escaped) matches in linear time.
  const literal = needle.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  return text.replace(new RegExp(literal, ignoreCase ? "gi" : "g"), "[CANARY]");
}
