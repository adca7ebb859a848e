import { type Rule } from "../types";
import { base64UrlDecode } from "../validators/base64url-decode";
import { contextRule } from "./context-rule";
import { defineRule } from "./define-rule";
import { prefixedToken } from "./prefixed-token";

const DISCORD_CONTEXT = ["discord", "bot "];
const TWILIO_CONTEXT = ["twilio"];

/** The first part of a Discord bot token is the bot's snowflake id in base64. */
function discordIdSegment(value: string): boolean {
  const decoded = base64UrlDecode(value.slice(0, value.indexOf(".")));
  return decoded !== null && /^[0-9]{17,20}$/.test(decoded);
}

/** Chat, email and SMS providers: tokens that post as the company, and webhooks that accept posts. */
export const messagingRules: readonly Rule[] = [
  prefixedToken({ id: "slack-bot-token", kind: "TOKEN", prefixes: ["xoxb-"], body: "[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{20,40}", description: "Slack bot tokens (xoxb-…)" }),
  prefixedToken({
    id: "slack-user-token",
    kind: "TOKEN",
    prefixes: ["xoxp-", "xoxe-"],
    body: "[0-9]{1,14}-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{28,64}",
    description: "Slack user and rotated tokens (xoxp-…)",
  }),
  prefixedToken({
    id: "slack-workspace-token",
    kind: "TOKEN",
    prefixes: ["xoxa-", "xoxr-", "xoxs-"],
    body: "[A-Za-z0-9-]{20,250}",
    description: "Slack workspace access, refresh and session tokens (xoxa-, xoxr-, xoxs-)",
  }),
  prefixedToken({
    id: "slack-app-token",
    kind: "TOKEN",
    prefixes: ["xapp-"],
    body: "[0-9]-[A-Z0-9]{8,14}-[0-9]{8,16}-[A-Za-z0-9]{32,80}",
    description: "Slack app-level tokens (xapp-…)",
  }),
  defineRule({
    id: "slack-webhook-url",
    type: "secret",
    kind: "WEBHOOK_URL",
    priority: 90,
    keywords: ["hooks.slack.com"],
    pattern: /https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{20,150}/g,
    description: "Slack incoming webhook URLs (anyone holding one can post to the channel)",
  }),
  defineRule({
    id: "discord-webhook-url",
    type: "secret",
    kind: "WEBHOOK_URL",
    priority: 90,
    keywords: ["discord.com/api/webhooks/", "discordapp.com/api/webhooks/"],
    pattern: /https?:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,70}/g,
    description: "Discord webhook URLs",
  }),
  defineRule({
    id: "teams-webhook-url",
    type: "secret",
    kind: "WEBHOOK_URL",
    priority: 90,
    keywords: ["webhook.office.com"],
    pattern: /https:\/\/[a-z0-9-]{1,63}\.webhook\.office\.com\/webhookb2\/[A-Za-z0-9@/_-]{40,300}/g,
    description: "Microsoft Teams incoming webhook URLs",
  }),
  contextRule({
    id: "discord-bot-token",
    kind: "TOKEN",
    priority: 85,
    context: DISCORD_CONTEXT,
    window: 200,
    candidate: /(?<![A-Za-z0-9_-])[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}(?![A-Za-z0-9_-])/g,
    maxLength: 76,
    validate: discordIdSegment,
    description: "Discord bot tokens within 200 characters after the word Discord or an `Authorization: Bot` header",
  }),
  defineRule({
    id: "telegram-bot-token",
    type: "secret",
    kind: "TOKEN",
    priority: 90,
    keywords: [":aa"],
    anchored: true,
    pattern: /(?<=(?<![0-9A-Za-z_-])(?<id>[0-9]{8,10}))(?<secret>:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/g,
    description: "Telegram bot tokens (bot id, colon, AA…)",
  }),
  prefixedToken({ id: "twilio-api-key", kind: "API_KEY", prefixes: ["SK"], body: "[0-9a-f]{32}", priority: 80, description: "Twilio API key SIDs (SK + 32 hex)" }),
  prefixedToken({ id: "twilio-account-sid", kind: "API_KEY", prefixes: ["AC"], body: "[0-9a-f]{32}", priority: 80, description: "Twilio account SIDs (AC + 32 hex), half of a credential pair" }),
  contextRule({
    id: "twilio-auth-token",
    kind: "TOKEN",
    priority: 60,
    context: TWILIO_CONTEXT,
    candidate: /(?<![A-Za-z0-9])[0-9a-f]{32}(?![A-Za-z0-9])/g,
    maxLength: 32,
    description: "Twilio auth tokens: 32 hex characters within 160 characters after the word Twilio",
  }),
  prefixedToken({ id: "sendgrid-api-key", kind: "API_KEY", prefixes: ["SG."], body: "[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}", description: "SendGrid API keys (SG.x.y)" }),
  prefixedToken({ id: "mailgun-api-key", kind: "API_KEY", prefixes: ["key-"], body: "[0-9a-f]{32}", description: "Mailgun API keys (key- + 32 hex)" }),
  defineRule({
    id: "mailchimp-api-key",
    type: "secret",
    kind: "API_KEY",
    priority: 90,
    keywords: ["-us"],
    anchored: true,
    // Searched from the literal "-us"; the hex part is matched backwards by the lookbehind.
    pattern: /(?<=(?<![A-Za-z0-9])(?<key>[0-9a-f]{32}))(?<suffix>-us[0-9]{1,2})(?![A-Za-z0-9])/g,
    description: "Mailchimp API keys (32 hex + data-centre suffix -us12)",
  }),
];
