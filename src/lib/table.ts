/**
 * The attachment table (重点工作分工): tab-separated rows, a header repeated at every page, and
 * continuation rows (empty 序号) that carry on the task above them.
 */

/** Cells of one row; `<p>…</p>` inside a cell becomes a line break (never markup). */
function splitCells(line: string): string[] {
  return line.split('\t').map((cell) =>
    cell
      .replace(/<\/p>\s*<p>/gu, '\n')
      .replace(/^\s*<p>|<\/p>\s*$/gu, '')
      .trim(),
  );
}

/** A row whose first cell is the task number. */
function isTaskRow(cells: string[]): boolean {
  return /^\d+$/u.test(cells[0] ?? '');
}

function sameHeader(cells: string[], header: string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length === header.length && filled.every((c, i) => c === header[i]);
}

/**
 * The content and responsible units of a row, without its number and task. A row with a
 * sub-task (`森林草原火灾`) has three cells: the sub-task leads its content.
 */
function contentOf(cells: string[]): { content: string; units: string } {
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 0) return { content: '', units: '' };
  if (filled.length === 1) return { content: filled[0]!, units: '' };
  const units = filled.at(-1)!;
  const [first, ...others] = filled.slice(0, -1);
  const content = others.length === 0 ? first! : `${first}：${others.join('\n')}`;
  return { content, units };
}

function appendLine(cell: string, line: string): string {
  if (line === '') return cell;
  if (cell === '') return line;
  return cell.split('\n').at(-1) === line ? cell : `${cell}\n${line}`;
}

/** Rows of the table: the header, then one row per task with its continuation rows merged in. */
export function parseTable(lines: string[]): string[][] {
  const rows = lines.map(splitCells);
  const header = (rows[0] ?? []).filter((c) => c !== '');
  const out: string[][] = [header];
  for (const cells of rows.slice(1)) {
    if (sameHeader(cells, header)) continue;
    if (isTaskRow(cells)) {
      const { content, units } = contentOf(cells.slice(2));
      out.push([cells[0]!, cells[1] ?? '', content, units]);
      continue;
    }
    const { content, units } = contentOf(cells);
    const task = out.at(-1);
    if (!task || task === header) {
      out.push(['', '', content, units]);
      continue;
    }
    task[2] = appendLine(task[2] ?? '', content);
    task[3] = appendLine(task[3] ?? '', units);
  }
  return out;
}
