import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, resolveDatabaseTarget } from "@/lib/database-target";

describe("resolveDatabaseTarget", () => {
  it.each([
    [
      "no URL: the embedded SQLite default under data/",
      undefined,
      { provider: "sqlite", filename: "/srv/app/data/fact-trail.db" },
    ],
    [
      "a relative SQLite file, resolved from the project root",
      "file:./tmp/x.db",
      { provider: "sqlite", filename: "/srv/app/tmp/x.db" },
    ],
    ["an absolute SQLite file", "file:/var/lib/ft.db", { provider: "sqlite", filename: "/var/lib/ft.db" }],
    ["a postgresql:// URL", "postgresql://u@h:5432/d", { provider: "postgres", url: "postgresql://u@h:5432/d" }],
    ["a postgres:// URL", "postgres://u@h/d", { provider: "postgres" }],
  ])("%s", (_label, url, expected) => {
    expect(resolveDatabaseTarget(url, "/srv/app")).toMatchObject(expected);
  });

  it("uses the documented default", () => {
    expect(DEFAULT_DATABASE_URL).toBe("file:./data/fact-trail.db");
  });

  it.each(["mysql://root@localhost/db", "file:", "http://example.com"])(
    "rejects %s with a message naming the forms",
    (url) => {
      expect(() => resolveDatabaseTarget(url, "/srv/app")).toThrow(/DATABASE_URL/);
    },
  );
});
