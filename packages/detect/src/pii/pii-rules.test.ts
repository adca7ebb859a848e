import { describe, expect, it } from "vitest";
import { scan } from "../index";

function found(text: string): [string, string][] {
  return scan(text).map((match) => [match.ruleId, text.slice(match.start, match.end)]);
}

describe("email", () => {
  it("finds addresses in prose, JSON, headers and lists", () => {
    expect(found("Write to jane.doe+news@mail.example.co.uk.")).toEqual([["email", "jane.doe+news@mail.example.co.uk"]]);
    expect(found('{"email":"a_b@example.io"}')).toEqual([["email", "a_b@example.io"]]);
    expect(found("From: <ops@example.com>, cc: x@y.org")).toEqual([
      ["email", "ops@example.com"],
      ["email", "x@y.org"],
    ]);
  });

  it("ignores asset names, hosts without a TLD, malformed local parts and URL user names", () => {
    expect(found('<img src="logo@2x.png"> bundle@3.1.js root@localhost')).toEqual([]);
    expect(found(".dot@example.com is fine? no: a..b@example.com")).toEqual([]);
    expect(found("https://deploy@git.example.com/repo.git")).toEqual([]);
  });

  it("bounds the local part at 64 characters", () => {
    expect(found(`${"a".repeat(64)}@example.com`)).toHaveLength(1);
    expect(found(`${"a".repeat(65)}@example.com`)).toEqual([]);
    expect(found(`${"a".repeat(100_000)}@`)).toEqual([]);
  });
});

describe("phone numbers", () => {
  it("finds E.164 numbers, compact or grouped", () => {
    for (const phone of ["+14155550123", "+44 20 7946 0958", "+33 6 12 34 56 78", "+49 (0)30 1234567", "+1 (415) 555-0123", "+81 3-1234-5678"]) {
      expect(found(`call ${phone} now`), phone).toEqual([["phone-e164", phone]]);
    }
  });

  it("finds North American numbers with separators", () => {
    for (const phone of ["(415) 555-0123", "415-555-0123", "415.555.0123", "1-800-555-0199", "212 555 0147"]) {
      expect(found(`Tel: ${phone}`), phone).toEqual([["phone-nanp", phone]]);
    }
  });

  it("ignores dates, versions, ids, bare digit runs, invalid area codes and serials", () => {
    for (const text of [
      "2024-01-15 10:22:33",
      "version 1.2.3.4 and +1.2.3.4.5.6.7.8",
      "order 4155550123 shipped",
      "123-456-7890",
      "SN-415-555-0134",
      "+1234567",
      "ts 1714564800123",
      "415-555-01234",
    ]) {
      expect(found(text).filter(([rule]) => rule.startsWith("phone")), text).toEqual([]);
    }
  });
});

describe("US SSN", () => {
  it("finds valid numbers written with dashes or spaces, and labelled bare ones", () => {
    expect(found("SSN 536-22-1234")).toEqual([["us-ssn", "536-22-1234"]]);
    expect(found("ssn: 536 22 1234")).toEqual([["us-ssn", "536 22 1234"]]);
    expect(found("Social Security Number: 536221234")).toEqual([["us-ssn-labelled", "536221234"]]);
  });

  it("applies the validity rules and knows the famous invalid numbers", () => {
    for (const ssn of ["000-12-3456", "666-12-3456", "900-12-3456", "536-00-1234", "536-22-0000", "078-05-1120", "219-09-9999", "123-45-6789"]) {
      expect(found(`SSN ${ssn}`), ssn).toEqual([]);
    }
  });

  it("ignores mixed separators and unlabelled nine-digit runs", () => {
    expect(found("536-22 1234")).toEqual([]);
    expect(found("zip 941051234 order 536221234")).toEqual([]);
  });
});

describe("payment cards", () => {
  it("finds every scheme by prefix, length and Luhn, unbroken or grouped", () => {
    for (const card of [
      "4111111111111111",
      "4111 1111 1111 1111",
      "4111-1111-1111-1111",
      "5555 5555 5555 4444",
      "2223 0031 2200 3222",
      "3782 822463 10005",
      "6011 1111 1111 1117",
      "3530111333300000",
      "30569309025904",
      "6200000000000005",
    ]) {
      expect(found(`card ${card}.`), card).toEqual([["payment-card", card]]);
    }
  });

  it("finds the card when other numbers touch it", () => {
    expect(found("card 4111 1111 1111 1111 12/26 cvc 123")).toEqual([["payment-card", "4111 1111 1111 1111"]]);
    expect(found("qty 12 4111 1111 1111 1111")).toEqual([["payment-card", "4111 1111 1111 1111"]]);
  });

  it("ignores Luhn failures, unknown prefixes, wrong lengths, timestamps and longer numbers", () => {
    for (const text of [
      "4111111111111112",
      "1234567812345670",
      "411111111111116",
      "ts 1714564800123 and 1714564800123456",
      "id 41111111111111110000",
      "amount 4111111111111111.50",
      "ref X4111111111111111",
    ]) {
      expect(found(text).filter(([rule]) => rule === "payment-card"), text).toEqual([]);
    }
  });
});

describe("IBAN", () => {
  it("finds valid IBANs, compact or in groups of four, without swallowing the next word", () => {
    expect(found("IBAN DE89370400440532013000")).toEqual([["iban", "DE89370400440532013000"]]);
    expect(found("to GB82 WEST 1234 5698 7654 32 EUR please")).toEqual([["iban", "GB82 WEST 1234 5698 7654 32"]]);
    expect(found("NL91ABNA0417164300, BIC ABNANL2A")).toEqual([["iban", "NL91ABNA0417164300"]]);
  });

  it("ignores wrong checksums, wrong lengths, lower case and non-IBAN countries", () => {
    for (const text of ["DE89370400440532013001", "DE893704004405320130001", "de89370400440532013000", "US89370400440532013000"]) {
      expect(found(text), text).toEqual([]);
    }
  });
});

describe("IPv4", () => {
  it("flags public, private, CGNAT and link-local (metadata) addresses", () => {
    for (const ip of ["8.8.4.4", "10.1.2.3", "172.16.0.9", "192.168.1.20", "100.64.0.1", "169.254.169.254"]) {
      expect(found(`host ${ip}:8080`), ip).toEqual([["ipv4", ip]]);
    }
  });

  it("skips loopback, 0/8, multicast and reserved, netmasks, versions, OIDs and bad octets", () => {
    for (const text of ["127.0.0.1", "0.0.0.0", "224.0.0.251", "255.255.255.0", "version 1.2.3.4", "OID 1.3.6.1.4.1.311", "256.1.1.1", "1.2.3", "v10.0.0.1"]) {
      expect(found(text), text).toEqual([]);
    }
  });
});
