import type { EmailMessage } from "./send-email";

// Plain text only: no HTML to sanitise, nothing for a mail client to load or track.

export function verificationEmail(to: string, link: string): EmailMessage {
  return {
    to,
    subject: "Verify your email address for Bulwark",
    text: [
      "Someone (hopefully you) created a Bulwark account with this email address.",
      "",
      "Open this link within 24 hours to verify the address:",
      link,
      "",
      "If you did not create an account, ignore this email; the link then expires unused.",
    ].join("\n"),
  };
}

export function signUpAttemptNotice(to: string, signInUrl: string): EmailMessage {
  return {
    to,
    subject: "Sign-up attempt with your Bulwark address",
    text: [
      "Someone tried to create a Bulwark account with this email address, which already has one.",
      "Nothing was changed.",
      "",
      `If it was you, sign in instead: ${signInUrl}`,
      "If it was not, you can ignore this email.",
    ].join("\n"),
  };
}
