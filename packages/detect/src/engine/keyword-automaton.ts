import { type TextShape } from "../types";

export interface KeywordScan {
  /** Ids of the keywords that occur (ASCII case-insensitively), each once. */
  found: number[];
  /** Start offsets of every occurrence of each tracked keyword, ascending. */
  positions: (number[] | undefined)[];
  shape: TextShape;
}

/**
 * Called through this reference, never as `text.charCodeAt(i)`: once any object in the process
 * inherits from String.prototype (`class … extends String`, as ioredis's RESP decoder declares),
 * V8 no longer inlines a method looked up on a string, and the scan loop ran four times slower —
 * in the web server, which loads ioredis (bench/detect, "after a String subclass").
 */
const charCodeAt = String.prototype.charCodeAt;

/**
 * Aho-Corasick over all rule keywords, compiled to a dense DFA once per detector. One pass over
 * the text reports every keyword present — overlapping ones included — so the pre-filter costs
 * the same for 10 rules or 1,000.
 * Only A-Z are folded (`toLowerCase` would map the Kelvin sign to "k"); any non-ASCII character
 * resets the automaton, since no keyword contains one.
 */
export class KeywordAutomaton {
  readonly keywordCount: number;
  /**
   * Symbol class of every UTF-16 code unit, A-Z folded onto a-z, so the hot loop is two table
   * lookups per character with no branches.
   */
  private readonly alphabet = new Uint8Array(65536);
  private readonly alphabetSize: number;
  private readonly delta: Int32Array;
  private readonly outputs: readonly (readonly number[])[];
  private readonly lengths: readonly number[];
  private readonly tracked: Uint8Array;
  /**
   * Which keywords this scan has reported: `seenIn[k] === scanNumber`. Reused across scans (a
   * fresh typed array per call costs more than scanning a short string), which is safe because
   * a scan never yields.
   */
  private readonly seenIn: Uint32Array;
  private scanNumber = 0;

  /** `tracked` keywords also report where they occur (for anchored rules). */
  constructor(keywords: readonly string[], tracked: ReadonlySet<number> = new Set()) {
    this.keywordCount = keywords.length;
    this.lengths = keywords.map((keyword) => keyword.length);
    this.tracked = new Uint8Array(keywords.length);
    this.seenIn = new Uint32Array(keywords.length);
    for (const index of tracked) this.tracked[index] = 1;
    let size = 1; // class 0: every character that appears in no keyword
    for (const keyword of keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const code = keyword.charCodeAt(i);
        if (code >= 128 || (code >= 65 && code <= 90)) throw new Error(`keyword "${keyword}" must be lowercase ASCII`);
        if (this.alphabet[code] === 0) this.alphabet[code] = size++;
      }
    }
    this.alphabetSize = size;
    for (let code = 65; code <= 90; code++) this.alphabet[code] = this.alphabet[code + 32]!;

    // Trie.
    const children: Map<number, number>[] = [new Map()];
    const outputs: number[][] = [[]];
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const symbol = this.alphabet[keyword.charCodeAt(i)]!;
        let next = children[state]!.get(symbol);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          outputs.push([]);
          children[state]!.set(symbol, next);
        }
        state = next;
      }
      outputs[state]!.push(index);
    });

    // Breadth-first failure links, folded straight into a complete transition table. Entries are
    // stored premultiplied (state * size), saving a multiplication per character.
    const stateCount = children.length;
    const delta = new Int32Array(stateCount * size);
    const fail = new Int32Array(stateCount);
    const queue: number[] = [];
    for (let symbol = 0; symbol < size; symbol++) {
      const next = children[0]!.get(symbol);
      if (next !== undefined) {
        delta[symbol] = next;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      outputs[state]!.push(...outputs[fail[state]!]!);
      for (let symbol = 0; symbol < size; symbol++) {
        const next = children[state]!.get(symbol);
        const fallback = delta[fail[state]! * size + symbol]!;
        if (next === undefined) {
          delta[state * size + symbol] = fallback;
        } else {
          fail[next] = fallback;
          delta[state * size + symbol] = next;
          queue.push(next);
        }
      }
    }
    this.outputs = outputs.map((list) => [...new Set(list)]);
    // A transition into a state that reports keywords is stored complemented (negative), so the
    // scan tests the entry it already loaded instead of a second table.
    for (let i = 0; i < delta.length; i++) {
      const target = delta[i]!;
      delta[i] = this.outputs[target]!.length > 0 ? ~(target * size) : target * size;
    }
    this.delta = delta;
  }

  scan(text: string): KeywordScan {
    if (this.scanNumber === 0xffffffff) {
      this.seenIn.fill(0);
      this.scanNumber = 0;
    }
    const mark = ++this.scanNumber;
    const seenIn = this.seenIn;
    const found: number[] = [];
    const positions: (number[] | undefined)[] = [];
    const { alphabet, alphabetSize, delta, outputs, lengths, tracked } = this;
    const length = text.length;
    let row = 0;
    for (let i = 0; i < length; i++) {
      row = delta[row + alphabet[charCodeAt.call(text, i)]!]!;
      if (row < 0) {
        row = ~row;
        for (const keyword of outputs[row / alphabetSize]!) {
          if (seenIn[keyword] !== mark) {
            seenIn[keyword] = mark;
            found.push(keyword);
          }
          if (tracked[keyword] === 1) (positions[keyword] ??= []).push(i - lengths[keyword]! + 1);
        }
      }
    }
    return { found, positions, shape: measureShape(text) };
  }
}

/** Counts stop here: prechecks need far less, and real text reaches it within a few lines. */
const SHAPE_CAP = 32;
const DIGIT = /[0-9]/g;
const UPPER = /[A-Z]/g;
const DOT = /\./g;

/** Occurrences of `pattern` up to SHAPE_CAP, by the native regex scanner (a JS loop is slower). */
function countUpTo(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < SHAPE_CAP && pattern.test(text)) count++;
  return count;
}

/** Digits, capitals and dots, for keyword-less rules' prechecks. */
function measureShape(text: string): TextShape {
  return { digits: countUpTo(text, DIGIT), upper: countUpTo(text, UPPER), dots: countUpTo(text, DOT) };
}
