// Markdown for pull-request comments: a heading, a one-line summary and GitHub-flavoured tables.

const escapeCell = (text: string): string => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/**
 * A GitHub-flavoured Markdown table.
 *
 * @param header - the column titles
 * @param rows - the cells, one array per row
 * @returns the table, ending with a newline; empty when there are no rows
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return "";
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeCell).join(" | ")} |`;
  return `${[line(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n")}\n`;
}

/**
 * Code spans for names, so `default/web-0` and `m5.large` do not turn into links or emphasis.
 *
 * @param text - a name
 * @returns the name in backticks
 */
export function code(text: string): string {
  return text === "" ? "" : `\`${text.replace(/`/g, "'")}\``;
}
