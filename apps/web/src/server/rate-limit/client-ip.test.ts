import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientIp", () => {
  it("behind one trusted proxy takes the proxy-appended (rightmost) entry, not the client's", () => {
    const headers = h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" });
    expect(clientIp(headers, 1)).toBe("203.0.113.7");
  });

  it("behind two trusted proxies takes the second entry from the right", () => {
    const headers = h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" });
    expect(clientIp(headers, 2)).toBe("203.0.113.7");
  });

  it("behind a trusted proxy falls back to X-Real-IP when there is no X-Forwarded-For", () => {
    expect(clientIp(h({ "x-real-ip": "198.51.100.4" }), 1)).toBe("198.51.100.4");
  });

  it("without a trusted proxy ignores X-Real-IP, which only the client could have set", () => {
    expect(clientIp(h({ "x-real-ip": "198.51.100.4" }), 0)).toBeUndefined();
    expect(clientIp(h({ "x-real-ip": "198.51.100.4", "x-forwarded-for": "192.0.2.1" }), 0)).toBe("192.0.2.1");
  });

  it("without a trusted proxy takes the rightmost X-Forwarded-For entry (the one Next fills from the socket)", () => {
    expect(clientIp(h({ "x-forwarded-for": "192.0.2.1" }), 0)).toBe("192.0.2.1");
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 192.0.2.1" }), 0)).toBe("192.0.2.1");
  });

  it("keys IPv6 by /64 so one host cannot rotate through its addresses", () => {
    const a = clientIp(h({ "x-forwarded-for": "2001:db8:1:2:aaaa::1" }), 1);
    const b = clientIp(h({ "x-forwarded-for": "2001:db8:1:2:ffff:eeee:dddd:cccc" }), 1);
    const other = clientIp(h({ "x-forwarded-for": "2001:db8:1:3::1" }), 1);
    expect(a).toBe("2001:db8:1:2::/64");
    expect(b).toBe(a);
    expect(other).not.toBe(a);
    expect(clientIp(h({ "x-forwarded-for": "2001:db8::1" }), 1)).toBe("2001:db8:0:0::/64");
    expect(clientIp(h({ "x-forwarded-for": "[2001:db8:1:2::9]:443" }), 1)).toBe("2001:db8:1:2::/64");
  });

  it("unwraps IPv4-mapped IPv6 and strips ports", () => {
    expect(clientIp(h({ "x-forwarded-for": "::ffff:192.0.2.9" }), 1)).toBe("192.0.2.9");
    expect(clientIp(h({ "x-forwarded-for": "192.0.2.9:51234" }), 1)).toBe("192.0.2.9");
  });

  it("refuses junk instead of turning it into a key", () => {
    expect(clientIp(h({ "x-forwarded-for": "not-an-ip" }), 1)).toBeUndefined();
    expect(clientIp(h({ "x-forwarded-for": "1.2.3.4 OR 1=1" }), 0)).toBeUndefined();
    expect(clientIp(h({}), 1)).toBeUndefined();
  });
});
