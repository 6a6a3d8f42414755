import { describe, expect, it } from "vitest";
import { formatLongDate } from "@/lib/format-date";

describe("formatLongDate", () => {
  it.each([
    ["2022-01-06", "Thursday 6 January 2022"],
    ["2022-01-05", "Wednesday 5 January 2022"],
    ["2024-02-29", "Thursday 29 February 2024"],
  ])("%s reads %s", (iso, expected) => expect(formatLongDate(iso)).toBe(expected));

  it.each(["2022-13-01", "2022-02-30", "6 Jan 2022"])("rejects %s", (bad) => {
    expect(() => formatLongDate(bad)).toThrow();
  });
});
