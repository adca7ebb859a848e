export { recordUsage, type SqlRunner, type UsageDelta } from "./record-usage";
export { recordRunUsage } from "./record-run-usage";
