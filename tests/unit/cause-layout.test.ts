import { describe, expect, it } from "vitest";
import { loadTopic } from "@/lib/content/load-topic";
import { CAUSE_STAGES, layoutCauseMap, wrapText } from "@/lib/study/cause-layout";

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
      const box = new Map(layout.nodes.map((n) => [n.id, n]));
      for (const e of layout.edges) {
        const [, x1, y1] = /^M([\d.]+),([\d.]+)/.exec(e.d)!.map(Number);
        const from = box.get(e.from)!;
        expect(x1).toBeCloseTo(from.x + from.width / 2);
        expect(y1).toBeCloseTo(from.y + from.height);
      }
    });
  }
});
