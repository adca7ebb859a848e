import { Table, TBody, Td, Th, THead } from "@bulwark/ui";
import { categoryLabel } from "./category-label";

export interface CategoryRate {
  category: string;
  judged: number;
  passed: number;
  failed: number;
  inconclusive: number;
  passRate: number | null;
}

/**
 * Pass rate per category as a table with inline bars: the numbers are the content (screen readers
 * read the table), the bars only make them quick to compare.
 */
export function CategoryPassRates({ categories }: { categories: CategoryRate[] }) {
  return (
    <Table>
      <caption className="sr-only">Pass rate per category</caption>
      <THead>
        <tr>
          <Th>Category</Th>
          <Th className="w-1/2">Pass rate</Th>
          <Th>Passed</Th>
          <Th>Failed</Th>
          <Th>Inconclusive</Th>
        </tr>
      </THead>
      <TBody>
        {categories.map((row) => {
          const percent = row.passRate === null ? null : Math.round(row.passRate * 100);
          return (
            <tr key={row.category}>
              <Td className="font-medium">{categoryLabel(row.category)}</Td>
              <Td>
                <div className="flex items-center gap-3">
                  <div aria-hidden="true" className="h-2.5 flex-1 overflow-hidden rounded-full bg-danger-50 ring-1 ring-inset ring-border">
                    <div className="h-full bg-success-800" style={{ width: `${percent ?? 0}%` }} />
                  </div>
                  <span className="w-12 text-right tabular-nums">{percent === null ? "n/a" : `${percent}%`}</span>
                </div>
              </Td>
              <Td className="tabular-nums">{row.passed}</Td>
              <Td className="tabular-nums">{row.failed}</Td>
              <Td className="tabular-nums">{row.inconclusive}</Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
