/** "secret_leakage" → "Secret leakage": category keys read as words in the UI. */
export function categoryLabel(category: string): string {
  const words = category.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
