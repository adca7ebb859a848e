import { describe, expect, it } from "vitest";
import { generateInvitationToken, hashInvitationToken, invitationAcceptUrl } from "./invitation-token";

describe("invitation tokens", () => {
  it("carry 256 random bits in base64url and are stored only as their SHA-256", () => {
    const { token, tokenHash } = generateInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashInvitationToken(token));
    expect(tokenHash).not.toContain(token);
  });

  it("never repeat", () => {
    const tokens = new Set(Array.from({ length: 2000 }, () => generateInvitationToken().token));
    expect(tokens.size).toBe(2000);
  });

  it("go into a link on the app's own origin, whatever the origin's path", () => {
    expect(invitationAcceptUrl("https://bulwark.example.com", "abc-_123")).toBe("https://bulwark.example.com/invitations/accept?token=abc-_123");
    expect(invitationAcceptUrl("https://bulwark.example.com/some/path", "t")).toBe("https://bulwark.example.com/invitations/accept?token=t");
  });
});
