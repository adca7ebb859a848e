import { createHash, randomBytes } from "node:crypto";
import { newId, prisma } from "@bulwark/db";
import { createTestOrg, type TestOrg } from "@bulwark/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as signUp } from "@/app/api/v1/auth/sign-up/route";
import { POST as verify } from "@/app/api/v1/auth/verify-email/route";
import { accountOptionsFromEnv } from "@/server/auth/account-options";
import { authorizeCredentials } from "@/server/services/accounts/authorize-credentials";
import { apiRequest } from "@/testing/credentials";

// With SMTP configured: mail really goes out over SMTP (to a sink on 127.0.0.1 started before
// the app's modules read their environment), and an unverified address cannot sign in.
const sink = await vi.hoisted(async () => {
  const { startSmtpSink } = await import("@/testing/smtp-sink");
  const started = await startSmtpSink();
  const saved = { SMTP_URL: process.env.SMTP_URL, EMAIL_FROM: process.env.EMAIL_FROM, AUTH_URL: process.env.AUTH_URL };
  process.env.SMTP_URL = `smtp://127.0.0.1:${started.port}`;
  process.env.EMAIL_FROM = "Bulwark <bulwark@example.test>";
  process.env.AUTH_URL = "http://localhost:3000";
  return { ...started, saved };
});

afterAll(async () => {
  for (const [name, value] of Object.entries(sink.saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await sink.close();
});

const PASSWORD = "saffron pylon meadow 63";
let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("SMTP tests");
});

const freshIp = () => `100.${64 + Math.floor(Math.random() * 64)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
const signInRequest = () => {
  const ip = freshIp();
  return { requestId: newId("request"), ip, userAgent: "vitest", rateLimitIp: ip };
};

/** A pending invitation: it admits its invitee whatever the platform's sign-up mode is. */
async function invitationFor(email: string) {
  const token = randomBytes(32).toString("base64url");
  await prisma.invitation.create({
    data: {
      id: newId("invitation"),
      orgId: (await createTestOrg("Inviting org")).orgId,
      email,
      role: "VIEWER",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date(Date.now() + 86_400_000),
      invitedById: org.users.owner.id,
    },
  });
  return token;
}

function postSignUp(body: unknown) {
  return signUp(apiRequest("POST", "/api/v1/auth/sign-up", { body }));
}

/** The text of a received mail, quoted-printable soft breaks and escapes undone. */
function bodyText(data: string): string {
  const body = data.slice(data.indexOf("\r\n\r\n") + 4);
  return body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe("with SMTP configured", () => {
  it("mails a verification link; the account signs in only after using it", async () => {
    const email = `smtp.${newId("user")}@example.test`;
    const res = await postSignUp({ email, password: PASSWORD, invitationToken: await invitationFor(email) });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "pending_verification" });

    const mail = await sink.waitFor(email);
    expect(mail.from).toBe("bulwark@example.test");
    const link = /http:\/\/localhost:3000\/verify-email\?token=([A-Za-z0-9_-]{43})/.exec(bodyText(mail.data));
    expect(link).not.toBeNull();

    const options = accountOptionsFromEnv();
    expect(options.verificationRequired).toBe(true);
    expect(await authorizeCredentials({ email, password: PASSWORD }, signInRequest(), options)).toBeNull();

    const verified = await verify(apiRequest("POST", "/api/v1/auth/verify-email", { body: { token: link![1] } }));
    expect(verified.status).toBe(204);
    expect(await authorizeCredentials({ email, password: PASSWORD }, signInRequest(), options)).toMatchObject({ email });
  });

  it("answers a second sign-up for the address identically and mails its owner a notice, not a link", async () => {
    const email = `smtp-again.${newId("user")}@example.test`;
    expect((await postSignUp({ email, password: PASSWORD, invitationToken: await invitationFor(email) })).status).toBe(202);
    await sink.waitFor(email);

    const again = await postSignUp({ email, password: "another password 12", invitationToken: await invitationFor(email) });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ status: "pending_verification" });
    await vi.waitFor(() => expect(sink.messages.filter((m) => m.to.includes(email))).toHaveLength(2));
    const notice = bodyText(sink.messages.filter((m) => m.to.includes(email))[1]!.data);
    expect(notice).toMatch(/already has one/);
    expect(notice).not.toMatch(/verify-email/);
  });
});
