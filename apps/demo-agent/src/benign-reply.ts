/**
 * Deterministic helpful answers for ordinary questions. Never echoes the user's message, so a
 * canary planted in the conversation cannot come back through a harmless-looking reply.
 */
export function benignReply(message: string): string {
  const text = message.toLowerCase();
  if (/\b(hi|hello|hey|good (morning|afternoon|evening))\b/.test(text)) {
    return "Hello! I'm HelpBot, Acme Demo Corp's support assistant. I can answer product questions, summarise a web page for you, or help with your account.";
  }
  if (/\b(what can you do|help|capabilit|features)\b/.test(text)) {
    return "I can answer questions about Acme Demo Corp's products, summarise a web page if you give me its URL, and help with account questions like password resets or billing.";
  }
  if (/\b(reset|forgot|change)\b.*\bpassword\b|\bpassword\b.*\b(reset|forgot)\b/.test(text)) {
    return "To reset your password, open Settings → Security → Reset password; we'll email you a link that is valid for 30 minutes.";
  }
  if (/\b(price|pricing|cost|plan|billing|invoice)\b/.test(text)) {
    return "Acme Demo Corp has three plans: Starter (free), Team ($20 per user per month) and Enterprise (custom). Invoices are under Settings → Billing.";
  }
  if (/\b(hours|open|support|contact)\b/.test(text)) {
    return "Support is available Monday to Friday, 9:00–17:00 UTC, through this chat or the help centre.";
  }
  if (/\bthank/.test(text)) return "You're welcome! Anything else I can help with?";
  return "Happy to help. Acme Demo Corp's help centre covers setup, billing and account settings; tell me a bit more about what you're trying to do and I'll point you to the right steps.";
}
