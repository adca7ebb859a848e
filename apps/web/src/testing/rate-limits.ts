/**
 * The window of the tiny limits tests set to reach 429: a day, so a test's calls a few
 * milliseconds apart never straddle a window boundary (with a 60 s window they did about once in
 * 700 tests: the second call landed in a fresh window and was allowed). Only for limits keyed
 * on something fresh per test (a new key, token or run id): Redis keeps the counters that long.
 */
export const DAY_WINDOW_MS = 86_400_000;
