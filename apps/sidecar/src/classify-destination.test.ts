import { describe, expect, it } from "vitest";
import { classifyDestination, isPrivateIp } from "./classify-destination";

const none = { toolDomains: [], internalHostSuffixes: [] };

describe("classifyDestination", () => {
  it.each([
    ["api.openai.com", "llm_provider"],
    ["API.Anthropic.com.", "llm_provider"],
    ["generativelanguage.googleapis.com", "llm_provider"],
    ["myres.openai.azure.com", "llm_provider"],
    ["pastebin.com", "attacker_sink"],
    ["webhook.site", "attacker_sink"],
    ["abc123.ngrok.io", "attacker_sink"],
    ["paste.attacker.example", "attacker_sink"],
    ["eo1x.m.pipedream.net", "attacker_sink"],
    ["myrequestbin.example.org", "public_internet"],
    ["requestbin.example.org", "attacker_sink"],
    ["localhost", "internal"],
    ["admin.internal", "internal"],
    ["printer.local", "internal"],
    ["127.0.0.1", "internal"],
    ["10.1.2.3", "internal"],
    ["172.20.0.5", "internal"],
    ["172.32.0.5", "public_internet"],
    ["192.168.1.1", "internal"],
    ["169.254.169.254", "internal"],
    ["[::1]", "internal"],
    ["fd00::1", "internal"],
    ["::ffff:10.0.0.1", "internal"],
    ["8.8.8.8", "public_internet"],
    ["example.com", "public_internet"],
    ["notopenai.com", "public_internet"],
    ["openai.com.evil.net", "public_internet"],
  ])("%s → %s", (host, expected) => {
    expect(classifyDestination(host, none)).toBe(expected);
  });

  it("uses the heartbeat's tool domains and internal suffixes", () => {
    const config = { toolDomains: ["api.github.com", "*.tools.example"], internalHostSuffixes: [".corp.acme"] };
    expect(classifyDestination("api.github.com", config)).toBe("tool");
    expect(classifyDestination("x.tools.example", config)).toBe("tool");
    expect(classifyDestination("github.com", config)).toBe("public_internet");
    expect(classifyDestination("db.corp.acme", config)).toBe("internal");
    expect(classifyDestination("corp.acme.evil.com", config)).toBe("public_internet");
  });

  it("lets a declared tool win over the built-in sink list, but never over internal", () => {
    expect(classifyDestination("webhook.site", { toolDomains: ["webhook.site"], internalHostSuffixes: [] })).toBe("tool");
    expect(classifyDestination("localhost", { toolDomains: ["localhost"], internalHostSuffixes: [] })).toBe("internal");
  });
});

describe("isPrivateIp", () => {
  it("is false for hostnames and public addresses", () => {
    expect(isPrivateIp("example.com")).toBe(false);
    expect(isPrivateIp("1.1.1.1")).toBe(false);
    expect(isPrivateIp("2606:4700::1111")).toBe(false);
  });
});
