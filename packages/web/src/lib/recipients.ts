/** Addresses typed one per line, or separated by commas, semicolons or spaces, without duplicates (the server checks each). */
export function recipientsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ];
}
