import { describe, expect, it } from "vitest";
import { loadTopic } from "@/lib/content/load-topic";
import { CAUSE_STAGES, layoutCauseMap, MAP_MARGIN, wrapText } from "@/lib/study/cause-layout";

const { causes } = loadTopic("kazakhstan-2022");

describe("wrapText", () => {
  it.each([
    ["fits on one line", "LPG price rises", 20, ["LPG price rises"]],
    ["breaks between words", "Three decades of Nazarbayev's rule", 17, ["Three decades of", "Nazarbayev's rule"]],
    ["gives a long word its own line", "Antidisestablishment now", 8, ["Antidisestablishment", "now"]],
  ])("%s", (_rule, text, max, lines) => expect(wrapText(text, max)).toEqual(lines));
});

describe("layoutCauseMap", () => {
  for (const columns of [2, 4]) {
    const layout = layoutCauseMap(causes, { width: columns === 2 ? 340 : 760, columns });

    it(`places every node once, inside the width, stages top to bottom (${columns} columns)`, () => {
      expect(layout.nodes.map((n) => n.id).sort()).toEqual(causes.nodes.map((n) => n.id).sort());
      for (const n of layout.nodes) {
        expect(n.x).toBeGreaterThanOrEqual(0);
        expect(n.x + n.width).toBeLessThanOrEqual(layout.width + 0.001);
        expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
      }
      const stageOf = new Map(CAUSE_STAGES.map(([group], i) => [group, i]));
      const group = new Map(causes.nodes.map((n) => [n.id, n.group]));
      for (const a of layout.nodes)
        for (const b of layout.nodes)
          if (stageOf.get(group.get(a.id)!)! < stageOf.get(group.get(b.id)!)!) expect(a.y).toBeLessThan(b.y);
    });

    it(`never overlaps two nodes (${columns} columns)`, () => {
      for (const a of layout.nodes)
        for (const b of layout.nodes) {
          if (a === b) continue;
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
        }
    });

    it(`draws one arrow per link, from the cause to the effect (${columns} columns)`, () => {
      expect(layout.edges.map((e) => `${e.from}>${e.to}`)).toEqual(causes.links.map((l) => `${l.from}>${l.to}`));
      for (const e of layout.edges) {
        const [, x1, y1] = /^M([\d.]+),([\d.]+)/.exec(e.d)!.map(Number);
        expect([x1, y1]).toEqual(e.points[0]!.map((v) => +v.toFixed(1)));
      }
    });
  }
});

/** True when the axis-parallel segment p–q passes through the rectangle (touching its edge counts). */
function crosses(p: [number, number], q: [number, number], r: { x: number; y: number; width: number; height: number }) {
  const [x1, x2] = [Math.min(p[0], q[0]), Math.max(p[0], q[0])];
  const [y1, y2] = [Math.min(p[1], q[1]), Math.max(p[1], q[1])];
  return x1 <= r.x + r.width && x2 >= r.x && y1 <= r.y + r.height && y2 >= r.y;
}

describe("layoutCauseMap's arrows", () => {
  const small = {
    nodes: [
      { id: "a", group: "long-standing", label: "A cause of long standing", description: "", paragraphs: [1] },
      { id: "b", group: "long-standing", label: "Another", description: "", paragraphs: [1] },
      { id: "c", group: "long-standing", label: "What they breed", description: "", paragraphs: [1] },
      { id: "d", group: "trigger", label: "The spark", description: "", paragraphs: [1] },
      { id: "e", group: "trigger", label: "What it sets off", description: "", paragraphs: [1] },
      { id: "f", group: "crisis", label: "The crisis", description: "", paragraphs: [1] },
      { id: "g", group: "response", label: "One answer", description: "", paragraphs: [1] },
      { id: "h", group: "response", label: "Another answer", description: "", paragraphs: [1] },
      { id: "i", group: "response", label: "A third answer", description: "", paragraphs: [1] },
    ],
    links: [
      ["a", "c"],
      ["b", "c"],
      ["a", "f"],
      ["c", "f"],
      ["d", "e"],
      ["e", "f"],
      ["b", "i"],
      ["f", "g"],
      ["f", "h"],
      ["f", "i"],
    ].map(([from, to]) => ({ from: from!, to: to!, label: "leads to", paragraphs: [1] })),
  } as unknown as typeof causes;

  const cases = (
    [
      ["the report's causes", causes, 340, 2],
      ["the report's causes", causes, 680, 3],
      ["the report's causes", causes, 760, 4],
      ["a made-up map", small, 340, 2],
      ["a made-up map", small, 680, 3],
      ["a made-up map", small, 340, 1],
    ] as const
  ).map(([name, c, width, columns]) => ({ name, c, width, columns }));

  it.each(cases)(
    "never cross a box other than their ends, nor a stage title: $name, $width px, $columns columns",
    ({ c, width, columns }) => {
      const layout = layoutCauseMap(c, { width, columns });
      expect(layout.edges).toHaveLength(c.links.length);
      for (const e of layout.edges) {
        for (let i = 1; i < e.points.length; i++) {
          const [p, q] = [e.points[i - 1]!, e.points[i]!];
          expect(p[0] === q[0] || p[1] === q[1], `${e.from}>${e.to} runs straight`).toBe(true);
          for (const n of layout.nodes)
            if (n.id !== e.from && n.id !== e.to)
              expect(crosses(p, q, n), `${e.from}>${e.to} crosses the box ${n.id}`).toBe(false);
          for (const s of layout.stages)
            expect(crosses(p, q, s.box), `${e.from}>${e.to} crosses the title ${s.title}`).toBe(false);
          expect(q[0]).toBeGreaterThanOrEqual(-MAP_MARGIN);
          expect(q[0]).toBeLessThanOrEqual(width + MAP_MARGIN);
        }
      }
    },
  );

  it.each(cases)(
    "run down the page, from the cause's bottom to the effect's top: $name, $width px, $columns columns",
    ({ c, width, columns }) => {
      const layout = layoutCauseMap(c, { width, columns });
      const box = new Map(layout.nodes.map((n) => [n.id, n]));
      for (const e of layout.edges) {
        const a = box.get(e.from)!;
        const b = box.get(e.to)!;
        const [start, end] = [e.points[0]!, e.points.at(-1)!];
        expect(start[1]).toBeCloseTo(a.y + a.height);
        expect(start[0]).toBeGreaterThan(a.x);
        expect(start[0]).toBeLessThan(a.x + a.width);
        expect(end[0]).toBeGreaterThan(b.x);
        expect(end[0]).toBeLessThan(b.x + b.width);
        expect(end[1]).toBeLessThan(b.y);
        expect(b.y - end[1]).toBeLessThan(5);
        // The last stretch points down into the effect, so the arrowhead reads cause → effect.
        expect(e.points.at(-2)![1]).toBeLessThan(end[1]);
        expect(e.points.at(-2)![0]).toBe(end[0]);
      }
    },
  );
});
