/** At least one ASCII digit. */
export function hasDigit(value: string): boolean {
  return /[0-9]/.test(value);
}

/** At least one ASCII letter. */
export function hasLetter(value: string): boolean {
  return /[A-Za-z]/.test(value);
}
