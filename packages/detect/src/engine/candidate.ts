/** A validated hit before overlap resolution; `rule` indexes the detector's rule list. */
export interface Candidate {
  start: number;
  end: number;
  rule: number;
  priority: number;
}
