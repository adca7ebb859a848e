import { describe, expect, it } from "vitest";
import { sha256Hex, signAwsV4 } from "./sign-aws-v4";

// The worked examples of the S3 documentation ("Signature calculations for the Authorization
// header: transferring payload in a single chunk"), with its published signatures.
const credentials = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1" };
const now = new Date("2013-05-24T00:00:00Z");

describe("signAwsV4", () => {
  it("matches the documented GET Object example", () => {
    const headers = signAwsV4(
      { method: "GET", url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"), headers: { Range: "bytes=0-9" }, payloadHash: sha256Hex(""), now },
      credentials,
    );
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, " +
        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("matches the documented PUT Object example (an encoded path and extra headers)", () => {
    const headers = signAwsV4(
      {
        method: "PUT",
        url: new URL("https://examplebucket.s3.amazonaws.com/test$file.text"),
        headers: { Date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY" },
        payloadHash: sha256Hex("Welcome to Amazon S3."),
        now,
      },
      credentials,
    );
    expect(headers.authorization).toMatch(/Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd$/);
    expect(headers["x-amz-date"]).toBe("20130524T000000Z");
  });
});
