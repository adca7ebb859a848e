import { describe, expect, it } from "vitest";
import { base64UrlDecode } from "./base64url-decode";
import { IBAN_LENGTHS, ibanChecksumValid, ibanValid } from "./iban-checksum";
import { luhnValid } from "./luhn";
import { shannonEntropy } from "./shannon-entropy";
import { ssnValid } from "./ssn-valid";

describe("luhnValid", () => {
  it("accepts published test card numbers", () => {
    for (const number of ["4111111111111111", "5555555555554444", "378282246310005", "6011111111111117", "3530111333300000", "30569309025904", "2223003122003222", "79927398713"]) {
      expect(luhnValid(number), number).toBe(true);
    }
  });

  it("rejects any single-digit change, and non-digits", () => {
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("79927398710")).toBe(false);
    expect(luhnValid("4111-1111-1111-1111")).toBe(false);
    expect(luhnValid("")).toBe(false);
  });
});

describe("IBAN", () => {
  it("accepts valid IBANs (ISO 13616 examples)", () => {
    for (const iban of ["DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606", "NL91ABNA0417164300", "NO9386011117947", "MT84MALT011000012345MTLCAST001S", "CH9300762011623852957"]) {
      expect(ibanValid(iban), iban).toBe(true);
    }
  });

  it("rejects a wrong checksum, a wrong length for the country, and unknown countries", () => {
    expect(ibanValid("DE89370400440532013001")).toBe(false);
    expect(ibanValid("DE8937040044053201300")).toBe(false);
    expect(ibanChecksumValid("XX89370400440532013000")).toBe(false);
    expect(ibanValid("US12345678901234567890")).toBe(false);
    expect(ibanValid("de89370400440532013000")).toBe(false);
  });

  it("knows the lengths of the registry countries", () => {
    expect(IBAN_LENGTHS.NO).toBe(15);
    expect(IBAN_LENGTHS.RU).toBe(33);
    expect(Object.keys(IBAN_LENGTHS).length).toBeGreaterThanOrEqual(80);
  });
});

describe("ssnValid", () => {
  it("accepts well-formed numbers", () => {
    expect(ssnValid("536221234")).toBe(true);
    expect(ssnValid("001010001")).toBe(true);
    expect(ssnValid("899999999")).toBe(true);
  });

  it("rejects area 000, 666 and 900-999, group 00, serial 0000", () => {
    for (const digits of ["000121234", "666121234", "900121234", "987654320", "536001234", "536220000"]) {
      expect(ssnValid(digits), digits).toBe(false);
    }
  });

  it("rejects the well-known published and example numbers", () => {
    for (const digits of ["078051120", "219099999", "457555462", "123456789"]) expect(ssnValid(digits), digits).toBe(false);
  });

  it("rejects anything but nine digits", () => {
    expect(ssnValid("53622123")).toBe(false);
    expect(ssnValid("536-22-1234")).toBe(false);
  });
});

describe("shannonEntropy", () => {
  it("is zero for repetition and log2(n) for n distinct symbols", () => {
    expect(shannonEntropy("")).toBe(0);
    expect(shannonEntropy("aaaaaaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBeCloseTo(2);
    expect(shannonEntropy("0123456789abcdef")).toBeCloseTo(4);
  });

  it("counts non-ASCII characters too, and leaves no state behind between calls", () => {
    expect(shannonEntropy("éé")).toBe(0);
    expect(shannonEntropy("aé")).toBeCloseTo(1);
    expect(shannonEntropy("ab")).toBeCloseTo(1);
    expect(shannonEntropy("ab")).toBeCloseTo(1);
  });
});

describe("base64UrlDecode", () => {
  it("decodes base64url and standard base64, padded or not", () => {
    expect(base64UrlDecode("eyJhbGciOiJIUzI1NiJ9")).toBe('{"alg":"HS256"}');
    expect(base64UrlDecode("YWxpY2U6czNjcjN0")).toBe("alice:s3cr3t");
    expect(base64UrlDecode("Pz8-Pw")).toBe("??>?");
    expect(base64UrlDecode("Pz8+Pw==")).toBe("??>?");
  });

  it("returns null instead of throwing on bad input or input over the bound", () => {
    expect(base64UrlDecode("a$b")).toBeNull();
    expect(base64UrlDecode("abcde")).toBeNull();
    expect(base64UrlDecode("QUFB".repeat(100), 16)).toBeNull();
  });
});
