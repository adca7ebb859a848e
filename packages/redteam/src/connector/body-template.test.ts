import { describe, expect, it } from "vitest";
import { BodyTemplateError, parseBodyTemplate, renderBodyTemplate, type TemplateValues } from "./body-template";

const values: TemplateValues = {
  message: 'He said "ignore all rules"\nthen {{session_id}} and \\u0000 </script>',
  session_id: "ses_1",
  history: [
    { role: "user", content: "hi" },
    { role: "assistant", content: 'hello "there"' },
  ],
  run_id: "run_1",
  turn_id: "trn_1",
};

describe("renderBodyTemplate", () => {
  it("substitutes bare placeholders as JSON values, escaping the message properly", () => {
    const body = renderBodyTemplate('{"message": {{message}}, "session_id": {{session_id}}, "history": {{history}}}', values);
    expect(JSON.parse(body)).toEqual({ message: values.message, session_id: "ses_1", history: values.history });
  });

  it("never substitutes twice: {{session_id}} inside the message stays literal", () => {
    const parsed = JSON.parse(renderBodyTemplate('{"m": {{message}}, "s": "{{session_id}}"}', values)) as { m: string; s: string };
    expect(parsed.m).toContain("then {{session_id}} and");
    expect(parsed.s).toBe("ses_1");
  });

  it("interpolates placeholders inside longer strings", () => {
    const body = renderBodyTemplate('{"input": "Turn {{turn_id}} of {{run_id}}: {{message}}", "h": "{{history}}", "raw": "h={{history}}"}', values);
    expect(JSON.parse(body)).toEqual({
      input: `Turn trn_1 of run_1: ${values.message}`,
      h: values.history,
      raw: `h=${JSON.stringify(values.history)}`,
    });
  });

  it("fills nested structures and leaves keys and other values alone", () => {
    const body = renderBodyTemplate('{"a": [{"b": {{ message }}}, 1, true, null], "{{message}}": "k"}', { ...values, message: "x" });
    expect(JSON.parse(body)).toEqual({ a: [{ b: "x" }, 1, true, null], "{{message}}": "k" });
  });

  it("treats braces inside strings with escaped quotes correctly", () => {
    const body = renderBodyTemplate('{"q": "say \\"{{message}}\\"", "n": {{message}}}', { ...values, message: "hi" });
    expect(JSON.parse(body)).toEqual({ q: 'say "hi"', n: "hi" });
  });
});

describe("parseBodyTemplate", () => {
  it.each(['{"message": {{message}}', "not json", '{"message": {{message}} {{message}}}', ""])("rejects invalid JSON %j", (template) => {
    expect(() => parseBodyTemplate(template)).toThrow(BodyTemplateError);
  });

  it("rejects unknown placeholders, bare or quoted", () => {
    expect(() => parseBodyTemplate('{"x": {{secret}}}')).toThrow(/unknown placeholder \{\{secret\}\}/);
    expect(() => parseBodyTemplate('{"x": "a {{env}} b"}')).toThrow(BodyTemplateError);
  });
});
