import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { env } from "@/env";
import { log } from "@/server/log";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** True when SMTP_URL is set: emails are sent, and new accounts must verify their address. */
export function isEmailDeliveryConfigured(): boolean {
  return Boolean(env.SMTP_URL);
}

const globalForEmail = globalThis as unknown as { bulwarkMailer?: Transporter };

function mailer(smtpUrl: string): Transporter {
  const host = new URL(smtpUrl).hostname;
  const loopback = host === "localhost" || host === "127.0.0.1" || host === "[::1]";
  globalForEmail.bulwarkMailer ??= createTransport({
    url: smtpUrl,
    // smtp:// to another machine must upgrade with STARTTLS or fail, so the credentials and the
    // single-use links in the mail never cross the network in clear. `?requireTLS=false` in
    // SMTP_URL opts out for a relay that cannot.
    requireTLS: !loopback,
    // Bounded waits: a stuck mail server must not hold a request (or a sign-up) for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return globalForEmail.bulwarkMailer;
}

/**
 * Sends `message` over SMTP, or without SMTP writes it to the server log at info level, where an
 * operator finds verification links on a laptop install. Never throws: a mail that cannot be
 * sent is logged, and the caller's operation (already committed) stands.
 */
export async function sendEmail(message: EmailMessage): Promise<void> {
  if (!env.SMTP_URL) {
    log.info({ email: message }, "EMAIL NOT SENT (SMTP_URL is not set): the message, including any link, follows");
    return;
  }
  try {
    await mailer(env.SMTP_URL).sendMail({ from: env.EMAIL_FROM, to: message.to, subject: message.subject, text: message.text });
  } catch (err) {
    // The recipient is a person's address; the log keeps only its domain.
    log.error({ err, toDomain: message.to.split("@")[1], subject: message.subject }, "could not send email");
  }
}
