import { describe, expect, it } from "vitest";
import { escapeMarkdown, markdownCodeBlock } from "./escape-markdown";
import { renderMarkdown } from "./render-markdown";
import { sampleReport } from "./testing/sample-report";

describe("renderMarkdown", () => {
  const md = renderMarkdown(sampleReport());

  it("carries every section and the evidence head hash", () => {
    for (const heading of ["## Executive summary", "## Scope", "## Scores", "## Findings", "## Framework coverage", "## Limitations", "## Evidence chain"]) {
      expect(md).toContain(`\n${heading}\n`);
    }
    expect(md).toContain(`Head hash: \`${sampleReport().evidence.headHash}\``);
    expect(md).toContain("**Run risk score: 9.1 (critical)**");
    expect(md).toContain("| Privilege escalation | 50.0% | 1 | 1 | 0 | 0 |");
    expect(md).toContain("1. Remove admin\\_api from the agent's default tools.");
  });

  it("keeps hostile text from becoming markup outside code blocks, and inside them verbatim", () => {
    const outsideCode = md.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, "");
    expect(outsideCode).not.toMatch(/<script|<img|<b>/);
    expect(outsideCode).not.toContain("```");
    expect(md).toContain("````text\n");
    expect(md).toContain('<script>alert(\\"pwned\\")</script>');
    expect(md).toContain("Support bot &lt;prod&gt;");
    expect(md).not.toContain("\n# Heading");
    expect(md).toContain("References: <https://owasp.org/www-project-top-10-for-large-language-model-applications/>, javascript:alert(1)");
  });
});

describe("markdownCodeBlock", () => {
  it("uses a fence longer than any backtick run inside, so the content cannot close it", () => {
    expect(markdownCodeBlock("a ``` b")).toBe("````text\na ``` b\n````");
    expect(markdownCodeBlock("plain")).toBe("```text\nplain\n```");
  });
});

describe("escapeMarkdown", () => {
  it("escapes inline markup, raw HTML and line-start blocks, on one line", () => {
    expect(escapeMarkdown("*bold* [x](javascript:y) `c` a|b <i> & ~s~")).toBe("\\*bold\\* \\[x\\](javascript:y) \\`c\\` a\\|b &lt;i&gt; &amp; \\~s\\~");
    expect(escapeMarkdown("# title\n\n---")).toBe("\\# title ---");
    expect(escapeMarkdown("1. item")).toBe("1\\. item");
    expect(escapeMarkdown("- item")).toBe("\\- item");
  });
});
