import { describe, expect, it } from "vitest";
import { classifyAddress, isAddressAllowed } from "./classify-address";

describe("classifyAddress", () => {
  it.each([
    "0.0.0.0",
    "0.1.2.3",
    "169.254.169.254",
    "169.254.170.2",
    "100.100.100.200",
    "::",
    "::ffff:169.254.169.254",
    "::ffff:a9fe:a9fe",
    "::a9fe:a9fe",
    "64:ff9b::a9fe:a9fe",
    "2002:a9fe:a9fe::1",
    "::ffff:0.0.0.0",
    "fd00:ec2::254",
    "not-an-ip",
  ])("%s is forbidden even for sandboxes", (ip) => {
    expect(classifyAddress(ip)).toBe("forbidden");
    expect(isAddressAllowed(ip, true)).toBe(false);
  });

  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.0.0.5",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.1.1",
    "100.64.0.1",
    "100.127.255.255",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "198.18.0.1",
    "::1",
    "0:0:0:0:0:0:0:1",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "fe80::1%eth0",
    "febf::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::7f00:1",
    "::127.0.0.1",
    "::ffff:10.0.0.5",
    "::ffff:0:a00:5",
    "64:ff9b::10.0.0.5",
    "64:ff9b::7f00:1",
    "64:ff9b:1::1",
    "2002:7f00:1::",
    "2002:c0a8:101::1",
    "2001:0:4136:e378:8000:63bf:f5ff:fffe", // Teredo, client bits invert to 10.0.0.1
    "2001:db8::1",
  ])("%s is private", (ip) => {
    expect(classifyAddress(ip)).toBe("private");
    expect(isAddressAllowed(ip, false)).toBe(false);
    expect(isAddressAllowed(ip, true)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "93.184.215.14",
    "172.15.255.255",
    "172.32.0.1",
    "100.63.255.255",
    "100.128.0.1",
    "169.253.1.1",
    "223.255.255.255",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("%s is public", (ip) => {
    expect(classifyAddress(ip)).toBe("public");
    expect(isAddressAllowed(ip, false)).toBe(true);
  });
});
