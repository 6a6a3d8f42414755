// Where each node and arrow of the cause map goes: the stages top to bottom (grievances,
// the spark, the crisis, the response), the nodes of a stage side by side (wrapping at
// `columns`; a node caused by another of its stage on a row below it), each arrow from the
// bottom of a cause down to the top of its effect, in straight stretches routed through the
// gaps between rows and boxes, so that no arrow crosses a box or a stage title. Pure, so the
// SVG component only draws and the layout is tested without a browser.
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
  /** The arrow's corners, from the cause's bottom edge to just above the effect's top edge. */
  points: [number, number][];
  /** The same as an SVG path. */
  d: string;
}

/** A stage's title, with the room its text takes (estimated), which no arrow crosses. */
export interface StageTitle {
  title: string;
  /** The text's baseline. */
  y: number;
  box: { x: number; y: number; width: number; height: number };
}

export interface CauseLayout {
  width: number;
  height: number;
  stages: StageTitle[];
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
const GAP = 16;
/** An upper bound on the width of a character of a stage title (12 px, bold capitals, spaced). */
const TITLE_CHAR = 9;
/** How far an arrow keeps from a box or a title it passes. */
const CLEAR = 6;
/** Room either side of the boxes for an arrow that finds no gap between them (the SVG's margin). */
export const MAP_MARGIN = 12;

interface Row {
  top: number;
  bottom: number;
  /** The title band just above this row (the first row of a stage), if any. */
  title?: StageTitle["box"];
}

/**
 * Within a stage, a node one of whose causes is in the same stage goes on a row below that
 * cause ("Deep resentment" under what breeds it), so every arrow points down the page.
 */
function subRanks(causes: Causes): Map<string, number> {
  const group = new Map(causes.nodes.map((n) => [n.id, n.group]));
  const rank = new Map<string, number>();
  const of = (id: string, seen: Set<string>): number => {
    if (rank.has(id)) return rank.get(id)!;
    if (seen.has(id)) return 0;
    seen.add(id);
    const inside = causes.links.filter((l) => l.to === id && group.get(l.from) === group.get(id));
    const r = inside.length ? 1 + Math.max(...inside.map((l) => of(l.from, seen))) : 0;
    rank.set(id, r);
    return r;
  };
  for (const n of causes.nodes) of(n.id, new Set());
  return rank;
}

/** Free stretches of x in [lo, hi] once the given intervals are taken out. */
function freeIntervals(lo: number, hi: number, taken: [number, number][]): [number, number][] {
  const free: [number, number][] = [];
  let start = lo;
  for (const [a, b] of [...taken].sort((x, y) => x[0] - y[0])) {
    if (a > start) free.push([start, Math.min(a, hi)]);
    start = Math.max(start, b);
    if (start >= hi) break;
  }
  if (start < hi) free.push([start, hi]);
  return free.filter(([a, b]) => b >= a);
}

const fmt = (v: number) => +v.toFixed(1);

/** The corners as an SVG path, each corner rounded (radius up to 6, less on a short stretch). */
function roundedPath(points: [number, number][]): string {
  let d = `M${fmt(points[0]![0])},${fmt(points[0]![1])}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [p, c, n] = [points[i - 1]!, points[i]!, points[i + 1]!];
    const r = Math.min(6, Math.hypot(c[0] - p[0], c[1] - p[1]) / 2, Math.hypot(n[0] - c[0], n[1] - c[1]) / 2);
    const toward = (from: [number, number], to: [number, number]) => {
      const len = Math.hypot(to[0] - from[0], to[1] - from[1]) || 1;
      return [from[0] + ((to[0] - from[0]) * r) / len, from[1] + ((to[1] - from[1]) * r) / len];
    };
    const [ax, ay] = toward(c, p);
    const [bx, by] = toward(c, n);
    d += ` L${fmt(ax!)},${fmt(ay!)} Q${fmt(c[0])},${fmt(c[1])} ${fmt(bx!)},${fmt(by!)}`;
  }
  const last = points.at(-1)!;
  return `${d} L${fmt(last[0])},${fmt(last[1])}`;
}

export function layoutCauseMap(causes: Causes, { width, columns }: { width: number; columns: number }): CauseLayout {
  const nodes: NodeBox[] = [];
  const stages: StageTitle[] = [];
  const rows: Row[] = [];
  const rowOf = new Map<string, number>();
  const ranks = subRanks(causes);
  let y = 0;
  CAUSE_STAGES.forEach(([group, title], stage) => {
    const members = causes.nodes.filter((n) => n.group === group);
    if (!members.length) return;
    const label = `${stages.length + 1}. ${title}`;
    const titleBox = { x: 0, y: y + 2, width: label.length * TITLE_CHAR, height: 20 };
    stages.push({ title, y: y + 16, box: titleBox });
    y += STAGE_TITLE;
    const depth = Math.max(...members.map((n) => ranks.get(n.id)!));
    let first = true;
    for (let r = 0; r <= depth; r++) {
      const ranked = members.filter((n) => ranks.get(n.id) === r);
      for (let start = 0; start < ranked.length; start += columns) {
        const row = ranked.slice(start, start + columns);
        const boxWidth = (width - GAP * (columns - 1)) / columns;
        // A short row is centred under the one above it.
        const offset = ((columns - row.length) * (boxWidth + GAP)) / 2;
        const maxChars = Math.max(8, Math.floor((boxWidth - 2 * PAD) / 7.4));
        const wrapped = row.map((n) => wrapText(n.label, maxChars));
        const height = Math.max(...wrapped.map((l) => l.length)) * LINE + 2 * PAD;
        row.forEach((n, i) => {
          rowOf.set(n.id, rows.length);
          nodes.push({
            id: n.id,
            stage,
            x: offset + i * (boxWidth + GAP),
            y,
            width: boxWidth,
            height,
            lines: wrapped[i]!,
          });
        });
        rows.push({ top: y, bottom: y + height, title: first ? titleBox : undefined });
        first = false;
        y += height + ROW_GAP;
      }
    }
  });
  const height = y - ROW_GAP + 8;
  const box = new Map(nodes.map((n) => [n.id, n]));
  const links = causes.links.filter((l) => box.has(l.from) && box.has(l.to));

  // Where each arrow leaves its cause and enters its effect: spread along the bottom and top
  // edges (ordered by where the other end is, so arrows do not cross needlessly), and never
  // under the stage title the last stretch passes.
  const centre = (id: string) => box.get(id)!.x + box.get(id)!.width / 2;
  const exitX = new Map<(typeof links)[number], number>();
  const entryX = new Map<(typeof links)[number], number>();
  for (const n of nodes) {
    const out = links.filter((l) => l.from === n.id).sort((a, b) => centre(a.to) - centre(b.to));
    out.forEach((l, i) => exitX.set(l, n.x + (n.width * (i + 1)) / (out.length + 1)));
    const into = links.filter((l) => l.to === n.id).sort((a, b) => centre(a.from) - centre(b.from));
    const title = rows[rowOf.get(n.id)!]!.title;
    let lo = n.x + 14;
    if (title && title.x + title.width + CLEAR > lo) lo = title.x + title.width + CLEAR;
    const hi = n.x + n.width - 14;
    const [from, to] = lo <= hi ? [lo, hi] : [n.x, n.x + n.width];
    into.forEach((l, i) => entryX.set(l, from + ((to - from) * (i + 1)) / (into.length + 1)));
  }

  // Horizontal stretches run in the gap under a row (no box, no title there); each arrow using
  // a gap gets a track of its own. A stretch down past other rows takes a free lane between boxes.
  const channelUses = new Map<number, (typeof links)[number][]>();
  const claim = (row: number, link: (typeof links)[number]) =>
    channelUses.set(row, [...(channelUses.get(row) ?? []), link]);
  for (const l of links) {
    const rs = rowOf.get(l.from)!;
    const rt = rowOf.get(l.to)!;
    claim(rs, l);
    if (rt - 1 !== rs) claim(rt - 1, l);
  }
  const track = (row: number, link: (typeof links)[number]) => {
    const uses = channelUses.get(row)!;
    return rows[row]!.bottom + (ROW_GAP * (uses.indexOf(link) + 1)) / (uses.length + 1);
  };
  const lanes: number[] = [];
  const edges = links.map((l) => {
    const a = box.get(l.from)!;
    const b = box.get(l.to)!;
    const rs = rowOf.get(l.from)!;
    const rt = rowOf.get(l.to)!;
    const x1 = exitX.get(l)!;
    const x2 = entryX.get(l)!;
    const t1 = track(rs, l);
    let points: [number, number][];
    if (rt === rs + 1) {
      points = [
        [x1, a.y + a.height],
        [x1, t1],
        [x2, t1],
        [x2, b.y - 3],
      ];
    } else {
      const t2 = track(rt - 1, l);
      const taken: [number, number][] = [];
      for (const n of nodes) if (n.y < t2 && n.y + n.height > t1) taken.push([n.x - CLEAR, n.x + n.width + CLEAR]);
      for (const s of stages)
        if (s.box.y < t2 && s.box.y + s.box.height > t1) taken.push([s.box.x - CLEAR, s.box.x + s.box.width + CLEAR]);
      for (const lane of lanes) taken.push([lane - 5, lane + 5]);
      const want = (x1 + x2) / 2;
      let lane = width + MAP_MARGIN - 2;
      let best = Infinity;
      for (const [lo, hi] of freeIntervals(2 - MAP_MARGIN, width + MAP_MARGIN - 2, taken)) {
        const x = Math.min(hi, Math.max(lo, want));
        if (Math.abs(x - want) < best) [best, lane] = [Math.abs(x - want), x];
      }
      lanes.push(lane);
      points = [
        [x1, a.y + a.height],
        [x1, t1],
        [lane, t1],
        [lane, t2],
        [x2, t2],
        [x2, b.y - 3],
      ];
    }
    // Drop the stretches of no length (a lane right under the exit, an entry right under the lane).
    points = points.filter((p, i) => i === 0 || p[0] !== points[i - 1]![0] || p[1] !== points[i - 1]![1]);
    const d = roundedPath(points);
    return { from: l.from, to: l.to, label: l.label, points, d };
  });
  return { width, height, stages, nodes, edges };
}
