export { newLedgerIds, recordUsage, type SqlRunner, type UsageDelta, usageCtes } from "./record-usage";
export { recordRunUsage } from "./record-run-usage";
