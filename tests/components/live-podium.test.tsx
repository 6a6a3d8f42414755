import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Podium } from "@/components/game/podium";

describe("Podium", () => {
  it("stands a tie level: two players in 1st get the same step", () => {
    render(
      <Podium
        label="Top"
        entries={[
          { rank: 1, name: "Bek", score: 300 },
          { rank: 1, name: "Erlan", score: 300 },
          { rank: 3, name: "Aru", score: 100 },
        ]}
      />,
    );
    const step = (name: string) =>
      screen
        .getByText(name)
        .closest("li")!
        .lastElementChild!.className.match(/ h-\S+ sm:h-\S+ bg-\S+/)?.[0];
    expect(step("Bek")).toBe(step("Erlan"));
    expect(step("Aru")).not.toBe(step("Bek"));
  });
});
