/** CSV quoting for the template writer. Why not test-files' helper: commands must not import test code. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
}
