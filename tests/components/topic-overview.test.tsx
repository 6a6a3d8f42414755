import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TopicOverview } from "@/components/topic-overview";
import { loadTopic } from "@/lib/content/load-topic";

const topic = loadTopic("kazakhstan-2022");

/** The quotes a citation popover opens, each with the label above it ("P4: …"). */
const quoted = (popover: HTMLElement) =>
  [...popover.querySelectorAll("q")].map((q) =>
    [q.previousElementSibling?.textContent, q.textContent].filter(Boolean).join(": "),
  );

describe("TopicOverview", () => {
  it("introduces the topic with its title, tagline and every intro paragraph", () => {
    render(<TopicOverview topic={topic} />);
    expect(screen.getByRole("heading", { level: 1, name: topic.meta.title })).toBeInTheDocument();
    expect(screen.getByText(topic.meta.tagline)).toBeInTheDocument();
    for (const paragraph of topic.meta.intro) expect(screen.getByText(paragraph)).toBeInTheDocument();
  });

  it("lists the causes from the fact base, each with its paragraph citation", () => {
    render(<TopicOverview topic={topic} />);
    const causes = screen.getByRole("region", { name: "The causes" });
    const fuel = topic.causes.nodes.find((n) => n.id === "fuel-price")!;
    const item = within(causes).getByText(`${fuel.label}.`).closest("li")!;
    const badge = within(item).getByRole("button", {
      name: "Source P4 · P8: paragraph 4 and paragraph 8, with the quoted words",
    });
    // The badge opens the source's title, outlet and date (an HTML popover).
    const popover = document.getElementById(badge.getAttribute("popovertarget")!)!;
    expect(popover).toHaveTextContent(`Paragraph 4 and paragraph 8 of “${topic.meta.source.title}”`);
    expect(popover).toHaveTextContent("FRANCE 24 with AFP and Reuters, Thursday 6 January 2022");
    // ... and, first, the report's own words for this cause, each under the paragraph it stands in.
    expect(quoted(popover)).toEqual([
      "P4: a fuel price hike",
      "P8: liquefied petroleum gas, a fuel used by the poor to power their cars",
    ]);
  });

  it("opens each caveat's badge on the words of the report it warns about", () => {
    render(<TopicOverview topic={topic} />);
    const source = screen.getByRole("region", { name: "The source" });
    for (const caveat of topic.meta.source.caveats) {
      const item = within(source).getByText(caveat.note, { exact: false }).closest("li")!;
      const badge = within(item).getByRole("button", { name: /^Source / });
      const popover = document.getElementById(badge.getAttribute("popovertarget")!)!;
      expect(quoted(popover).map((q) => q.replace(/^P\d+: /, ""))).toEqual(caveat.evidence.map((e) => e.quote));
    }
    const ranking = within(source)
      .getByText(/ranks the crisis two ways/)
      .closest("li")!;
    const popover = document.getElementById(
      within(ranking)
        .getByRole("button", { name: /^Source / })
        .getAttribute("popovertarget")!,
    )!;
    expect(quoted(popover)).toEqual(["P1: the country's worst unrest since independence", "P12: in over a decade"]);
  });

  it("shows the dated course of events in order of the fact base, and no undated ones", () => {
    render(<TopicOverview topic={topic} />);
    const course = screen.getByRole("region", { name: "The course" });
    const labels = within(course)
      .getAllByRole("listitem")
      .map((li) => li.textContent ?? "");
    expect(labels.some((l) => l.includes("Tokayev announces the government's resignation"))).toBe(true);
    expect(labels.some((l) => l.includes("Protesters seize Almaty's airport"))).toBe(false);
  });

  it("credits the source and warns about its caveats", () => {
    render(<TopicOverview topic={topic} />);
    const source = screen.getByRole("region", { name: "The source" });
    expect(source).toHaveTextContent("FRANCE 24 with AFP and Reuters");
    expect(within(source).getByText("Thursday 6 January 2022")).toHaveAttribute("dateTime", "2022-01-06");
    expect(within(source).getAllByRole("listitem")).toHaveLength(topic.meta.source.caveats.length);
  });
});
