const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const MINUTE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
const SECOND = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone: "UTC" });

type Precision = "date" | "minute" | "second";

/** One way to write a time across the product, in UTC so server and browser render the same text. */
export function formatDateTime(value: string | Date, precision: Precision = "minute"): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (precision === "date") return DATE.format(date);
  return `${(precision === "second" ? SECOND : MINUTE).format(date)} UTC`;
}

/** `stacked` puts the time under the date, for narrow table columns. */
export function DateTime({ value, precision = "minute", stacked = false }: { value: string | Date; precision?: Precision; stacked?: boolean }) {
  const iso = typeof value === "string" ? value : value.toISOString();
  const text = formatDateTime(value, precision);
  const split = text.lastIndexOf(", ");
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap">
      {stacked && split > 0 ? (
        <>
          <span className="block">{text.slice(0, split)}</span>
          <span className="block text-fg-muted">{text.slice(split + 2)}</span>
        </>
      ) : (
        text
      )}
    </time>
  );
}
