import { describe, expect, it } from "vitest";
import { checkWellFormedXml } from "./check-well-formed-xml";

describe("checkWellFormedXml", () => {
  it("accepts well-formed XML", () => {
    expect(checkWellFormedXml(`<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &amp; 2" y='&#10;'><b/><!-- c --><c>t &lt; u &#x1F600;</c></a>\n`)).toBeNull();
  });

  it.each([
    ["<a><b></a></b>", "unbalanced"],
    ["<a>", "unclosed"],
    ["<a/><b/>", "second root"],
    ["<a>1 < 2</a>", "malformed tag"],
    ["<a>fish & chips</a>", "raw &"],
    ['<a x="1" x="2"/>', "duplicate attribute"],
    ["<a x=1/>", "malformed tag"],
    ['<a x="<"/>', "malformed tag"],
    ["<a>\u0000</a>", "not allowed"],
    ["<a>\ud800</a>", "not allowed"],
    ["<a>&#0;</a>", "forbids"],
    ["<a>]]></a>", "]]>"],
    ["text<a/>", "outside the root"],
    ["", "no root"],
  ])("rejects %j", (xml, problem) => {
    expect(checkWellFormedXml(xml)).toContain(problem);
  });
});
