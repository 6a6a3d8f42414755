// Where each node and arrow of the cause map goes: the stages top to bottom (grievances,
// the spark, the crisis, the response), the nodes of a stage side by side (wrapping at
// `columns`), each arrow from the bottom of a cause to the top of its effect. Pure, so
// the SVG component only draws and the layout is tested without a browser.
import type { Causes } from "../content/schema";

export const CAUSE_STAGES = [
  ["long-standing", "Long-standing grievances"],
  ["trigger", "The spark"],
  ["crisis", "The crisis"],
  ["response", "The response"],
] as const;

export interface NodeBox {
  id: string;
  stage: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The label, broken into lines that fit the box. */
  lines: string[];
}

export interface EdgePath {
  from: string;
  to: string;
  label: string;
  /** An SVG path: a smooth curve from the cause's bottom to the effect's top. */
  d: string;
}

export interface CauseLayout {
  width: number;
  height: number;
  stages: { title: string; y: number }[];
  nodes: NodeBox[];
  edges: EdgePath[];
}

/** Greedy line breaking at `maxChars` (a word longer than that gets a line of its own). */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const LINE = 17;
const PAD = 10;
const STAGE_TITLE = 26;
const ROW_GAP = 46;
const GAP = 12;

export function layoutCauseMap(causes: Causes, { width, columns }: { width: number; columns: number }): CauseLayout {
  const nodes: NodeBox[] = [];
  const stages: CauseLayout["stages"] = [];
  let y = 0;
  CAUSE_STAGES.forEach(([group, title], stage) => {
    const members = causes.nodes.filter((n) => n.group === group);
    if (!members.length) return;
    stages.push({ title, y: y + 16 });
    y += STAGE_TITLE;
    for (let start = 0; start < members.length; start += columns) {
      const row = members.slice(start, start + columns);
      const boxWidth = (width - GAP * (columns - 1)) / columns;
      // A short row is centred under the one above it.
      const offset = ((columns - row.length) * (boxWidth + GAP)) / 2;
      const maxChars = Math.max(8, Math.floor((boxWidth - 2 * PAD) / 7.4));
      const wrapped = row.map((n) => wrapText(n.label, maxChars));
      const height = Math.max(...wrapped.map((l) => l.length)) * LINE + 2 * PAD;
      row.forEach((n, i) =>
        nodes.push({
          id: n.id,
          stage,
          x: offset + i * (boxWidth + GAP),
          y,
          width: boxWidth,
          height,
          lines: wrapped[i]!,
        }),
      );
      y += height + ROW_GAP;
    }
  });
  const box = new Map(nodes.map((n) => [n.id, n]));
  const edges = causes.links.flatMap((link) => {
    const a = box.get(link.from);
    const b = box.get(link.to);
    if (!a || !b) return [];
    const base = { from: link.from, to: link.to, label: link.label };
    const x1 = a.x + a.width / 2;
    const y1 = a.y + a.height;
    const x2 = b.x + b.width / 2;
    if (a.y === b.y) {
      // Side by side in one row: an arc under the row, into the effect from below.
      const dip = y1 + ROW_GAP * 0.55;
      return [{ ...base, d: `M${x1},${y1} C${x1},${dip} ${x2},${dip} ${x2},${y1 + 4}` }];
    }
    const y2 = b.y - 4;
    const bend = Math.max(18, (y2 - y1) / 2);
    return [{ ...base, d: `M${x1},${y1} C${x1},${y1 + bend} ${x2},${y2 - bend} ${x2},${y2}` }];
  });
  return { width, height: y - ROW_GAP + 8, stages, nodes, edges };
}
