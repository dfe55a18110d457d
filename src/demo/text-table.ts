/** Fixed-width text table for terminal output; cells are cut with an ellipsis to fit. */
export function textTable(headers: string[], rows: string[][], widths: number[]): string {
  const cell = (text: string, width: number) => {
    const flat = text.replace(/\s+/g, ' ');
    return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
  };
  const line = (cells: string[]) =>
    cells
      .map((c, i) => cell(c, widths[i] ?? 12))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
