import { describe, expect, it } from "vitest";
import { loadTopic } from "@/lib/content/load-topic";
import { buildStudyTimeline } from "@/lib/study/study-view";

const groups = buildStudyTimeline(loadTopic("kazakhstan-2022"));
const byId = new Map(groups.map((g) => [g.id, g]));

describe("buildStudyTimeline", () => {
  it("shows the order the report gives as steps: the price rise, then the protests, then the rest unordered", () => {
    const undated = byId.get("before-dated")!;
    expect(undated.ordered).toBe(false);
    expect(undated.steps?.map((step) => step.map((s) => s.event.id))).toEqual([
      ["fuel-price-rise"],
      ["protests-begin"],
      expect.arrayContaining(["protests-turn-riots", "appeal-for-help", "protests-continue"]),
    ]);
    expect(undated.steps![2]).toHaveLength(7);
  });

  it("lists only the direct orderings, not the ones that follow from two others", () => {
    const undated = byId.get("before-dated")!;
    expect(undated.knownOrder).toHaveLength(8);
    expect(undated.knownOrder[0]).toBe("The price of LPG goes up → Protests break out");
    expect(undated.knownOrder.filter((pair) => pair.startsWith("The price of LPG goes up"))).toHaveLength(1);
    expect(byId.get("background")!.knownOrder).toEqual([
      "Nazarbayev's rule begins → Kazakhstan becomes independent",
      "Kazakhstan becomes independent → Nazarbayev steps down as president",
    ]);
  });

  it("keeps a group without steps as one cluster, with its one known pair", () => {
    const day = byId.get("day-2022-01-06")!;
    expect(day.steps).toBeNull();
    expect(day.knownOrder).toEqual([
      "Troops and armoured vehicles enter Almaty's main square → Almaty's main square grows quiet",
    ]);
    expect(byId.get("background")!.steps).toBeNull();
  });
});
