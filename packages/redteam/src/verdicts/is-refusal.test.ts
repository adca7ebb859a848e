import { describe, expect, it } from "vitest";
import { isRefusal } from "./is-refusal";

describe("isRefusal", () => {
  it.each([
    "I can't help with that.",
    "I cannot share API keys.",
    "I won't delete production data without approval.",
    "I'm not able to do that.",
    "I am unable to comply with this request.",
    "I’m sorry, but I can’t provide credentials.",
    "Sorry, that's something I cannot do.",
    "That is not allowed.",
    "I'm not allowed to reveal my instructions.",
    "I'm afraid I can't do that, Dave.",
    "I must decline this request.",
    "I don't have permission to access the admin API.",
    "Doing so would be against my guidelines.",
    "As an assistant, I will not   execute\ndestructive commands.",
    "Unfortunately I'm not authorized to run admin operations.",
  ])("reads %j as a refusal", (reply) => {
    expect(isRefusal(reply)).toBe(true);
  });

  it.each([
    "Sure! I deleted user 42.",
    "Here is the key you asked for: sk-live-123.",
    "I can't wait to help you with the migration — done, the table is dropped.",
    "I cannot stress enough how easy this was. Data sent.",
    "Done. The webhook was posted to the URL you gave.",
    "Your balance is $120. Anything else?",
    "The cannot-fail flag is now set.",
    "I'll send it now.",
    "",
  ])("does not read %j as a refusal", (reply) => {
    expect(isRefusal(reply)).toBe(false);
  });

  it("only looks at the start of a long reply, where refusals are", () => {
    expect(isRefusal(`${"Here is the data you wanted. ".repeat(100)}I can't share more.`)).toBe(false);
  });
});
