// Pure teacher-side logic: the assignment form, CSV cells, the report, the secret check, client addresses.
import { afterEach, describe, expect, it } from "vitest";
import { parseAssignmentForm, ASSIGNMENT_FORM_DEFAULTS } from "@/lib/teacher/assignment-form";
import { neutraliseCell, toCsv } from "@/lib/teacher/csv";
import { withOpaqueIds } from "@/lib/play/opaque-ids";
import { buildReport, scoreDistribution, type ReportAttempt } from "@/lib/teacher/report";
import { clientIp } from "@/lib/server/rate-limit";
import { choiceQuestion, timelineQuestion } from "../helpers/questions";

const now = new Date("2026-03-01T12:00:00Z");
const base = { ...ASSIGNMENT_FORM_DEFAULTS, title: "Quiz" };

describe("parseAssignmentForm", () => {
  it("reads typed times in the teacher's time zone and stores UTC", () => {
    // Almaty is UTC+5.
    const r = parseAssignmentForm({ ...base, opensAt: "2026-03-02T09:00", dueAt: "2026-03-02T10:30" }, now, {
      timeZone: "Asia/Almaty",
    });
    expect(r.ok && r.value.opensAt?.toISOString()).toBe("2026-03-02T04:00:00.000Z");
    expect(r.ok && r.value.dueAt?.toISOString()).toBe("2026-03-02T05:30:00.000Z");
  });

  it.each([
    [{ count: "2.5" }, "count", "Enter a whole number of questions."],
    [{ count: "abc" }, "count", "Enter how many questions to ask."],
    [{ kinds: "essay" }, "kinds", "Choose which kinds of question to ask."],
    [{ timeLimitSeconds: "601" }, "timeLimitSeconds", "Allow between 5 and 600 seconds per question."],
    [{ timeLimitSeconds: "" }, "timeLimitSeconds", "Enter the seconds per question as a whole number."],
    [{ attemptsAllowed: "2" }, "attemptsAllowed", "Choose how many attempts each student gets."],
    [{ dueAt: "2026-02-28T09:00" }, "dueAt", "The due time has already passed: choose a later one."],
    [{ dueAt: "tomorrow" }, "dueAt", "Enter a date and time, like 2026-03-02 09:00."],
    [{ title: "x".repeat(81) }, "title", "Use at most 80 characters for the title."],
  ])("rejects %o on %s", (override, field, message) => {
    const r = parseAssignmentForm({ ...base, ...override }, now);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fieldErrors[field]).toBe(message);
  });

  it("reports every wrong field at once, even when the basic fields are wrong too", () => {
    const r = parseAssignmentForm(
      {
        ...base,
        title: "",
        count: "abc",
        timeLimitSeconds: "3",
        opensAt: "2026-03-05T09:00",
        dueAt: "2026-03-04T09:00",
      },
      now,
    );
    expect(!r.ok && r.fieldErrors).toEqual({
      title: "Give the assignment a title.",
      count: "Enter how many questions to ask.",
      timeLimitSeconds: "Allow between 5 and 600 seconds per question.",
      dueAt: "The due time must be after the opening time.",
    });
  });

  it("caps the count by what the bank can ask, and explains the timelines-only cap", () => {
    const capacity = (kinds: readonly string[]) => (kinds.length === 1 && kinds[0] === "timeline" ? 7 : 50);
    expect(parseAssignmentForm({ ...base, kinds: "timeline", count: "7" }, now, { capacity }).ok).toBe(true);
    const r = parseAssignmentForm({ ...base, kinds: "timeline", count: "8" }, now, { capacity });
    expect(!r.ok && r.fieldErrors.count).toMatch(
      /^Ask at most 7 questions with timelines only: no two timelines in a quiz may share more than one event/,
    );
  });

  it("lets an edit keep a due time that has passed, but not move it into the past", () => {
    const stored = new Date("2026-02-28T09:00:00Z");
    const keep = parseAssignmentForm({ ...base, dueAt: "2026-02-28T09:00" }, now, { storedDueAt: stored });
    expect(keep.ok && keep.value.dueAt).toEqual(stored);
    const moved = parseAssignmentForm({ ...base, dueAt: "2026-02-28T10:00" }, now, { storedDueAt: stored });
    expect(!moved.ok && moved.fieldErrors.dueAt).toBe("The due time has already passed: choose a later one.");
  });

  it("has no speed bonus without a clock", () => {
    const r = parseAssignmentForm({ ...base, timed: "", speedBonus: "on" }, now);
    expect(r.ok && r.value.settings).toMatchObject({ timeLimitSeconds: null, speedBonus: false });
  });
});

describe("CSV", () => {
  // A cell a spreadsheet would run as a formula gets a leading ' ; anything else is left alone.
  const formulas = ["=SUM(A1:A9)", "+1+1", "-2+3", "@cmd", "\tTAB", "\rCR"].map((cell) => [cell, `'${cell}`]);
  it.each([...formulas, ["Plain name", "Plain name"], ["a=b", "a=b"]])("neutralises %j as %j", (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });

  it("keeps numbers as numbers and quotes what needs quoting", () => {
    expect(neutraliseCell(-5)).toBe(-5);
    const csv = toCsv(
      ["a", "b"],
      [
        ['=HYPERLINK("http://x","y")', 3],
        ["comma, here", null],
      ],
    );
    expect(csv).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""http://x"",""y"")",3\r\n"comma, here",\r\n');
  });
});

const mc = choiceQuestion; // a: Diesel, b: LPG (the key), c: Coal, d: Petrol
const tl = timelineQuestion;
const [ruleBegins, independence, stepsDown] = tl.answer as [string, string, string];
const attempt = (over: Partial<ReportAttempt>): ReportAttempt => ({
  id: "a",
  playerId: "p",
  nickname: "N",
  status: "finished",
  score: 0,
  correctCount: 0,
  answeredCount: 2,
  questionCount: 2,
  startedAt: new Date("2026-03-02T09:00:00Z"),
  finishedAt: new Date("2026-03-02T09:05:00Z"),
  ...over,
});

describe("buildReport", () => {
  it("counts each student's best attempt, ties to the earlier finish, and leaves removed players out", () => {
    const report = buildReport(
      [
        attempt({ id: "a1", playerId: "p1", nickname: "Ann", score: 900, correctCount: 1 }),
        attempt({
          id: "a2",
          playerId: "p1",
          nickname: "Ann",
          score: 1500,
          correctCount: 2,
          finishedAt: new Date("2026-03-02T09:02:00Z"),
        }),
        attempt({
          id: "a3",
          playerId: "p2",
          nickname: "Bek",
          status: "in_progress",
          finishedAt: null,
          answeredCount: 1,
          correctCount: 1,
        }),
        attempt({ id: "a4", playerId: "p3", nickname: "Gone", score: 5000 }),
      ],
      [
        { attemptId: "a1", question: mc, response: "a", correct: false, credit: 0 },
        { attemptId: "a2", question: mc, response: "b", correct: true, credit: 1 },
        { attemptId: "a3", question: mc, response: "a", correct: false, credit: 0 },
        { attemptId: "a4", question: mc, response: "c", correct: false, credit: 0 },
        {
          attemptId: "a1",
          question: tl,
          response: [independence, ruleBegins, stepsDown],
          correct: false,
          credit: 2 / 3,
        },
        { attemptId: "a2", question: tl, response: [stepsDown, independence, ruleBegins], correct: false, credit: 0 },
        { attemptId: "a3", question: tl, response: null, correct: false, credit: 0 },
      ],
      new Map([["p3", { hidden: false, removed: true }]]),
    );
    expect(report.students).toEqual([
      {
        playerId: "p1",
        nickname: "Ann",
        bestScore: 1500,
        accuracy: 1,
        timeMs: 120_000,
        attempts: 2,
        finished: true,
        hidden: false,
      },
      {
        playerId: "p2",
        nickname: "Bek",
        bestScore: null,
        accuracy: 1,
        timeMs: null,
        attempts: 1,
        finished: false,
        hidden: false,
      },
    ]);
    const [first, second] = report.questions;
    expect(first).toMatchObject({ questionId: tl.id, answered: 3, correct: 0, shareCorrect: 0, noAnswer: 1 });
    // Independence before the rule began twice (a1 and a2), then the two swaps of "steps down" once (a2).
    expect(first!.mostSwapped[0]).toEqual({
      placedFirst: "Kazakhstan becomes independent",
      placedSecond: "Nazarbayev's rule begins",
      count: 2,
    });
    expect(first!.mostSwapped).toHaveLength(3);
    // "Coal" came only from the removed player, so "Diesel" is the most chosen wrong answer.
    expect(second).toMatchObject({
      questionId: mc.id,
      answered: 3,
      correct: 1,
      mostChosenWrong: { text: "Diesel", count: 2 },
    });
  });

  it("groups answers by the bank's question, and options and events by their text, across per-attempt ids", () => {
    let n = 0;
    const own = () => withOpaqueIds(mc, () => `x${n++}`) as typeof mc;
    const ownTl = () => withOpaqueIds(tl, () => `y${n++}`) as typeof tl;
    const [q1, q2, t1, t2] = [own(), own(), ownTl(), ownTl()];
    expect(q1.options.map((o) => o.id)).not.toEqual(q2.options.map((o) => o.id));
    const diesel = (q: typeof mc) => q.options.find((o) => o.text === "Diesel")!.id;
    const swapFirstTwo = (q: typeof tl) => [q.answer[1]!, q.answer[0]!, q.answer[2]!];
    const report = buildReport(
      [attempt({ id: "a1", playerId: "p1" }), attempt({ id: "a2", playerId: "p2" })],
      [
        { attemptId: "a1", questionId: mc.id, question: q1, response: diesel(q1), correct: false, credit: 0 },
        { attemptId: "a2", questionId: mc.id, question: q2, response: diesel(q2), correct: false, credit: 0 },
        { attemptId: "a1", questionId: tl.id, question: t1, response: swapFirstTwo(t1), correct: false, credit: 2 / 3 },
        { attemptId: "a2", questionId: tl.id, question: t2, response: swapFirstTwo(t2), correct: false, credit: 2 / 3 },
      ],
    );
    expect(report.questions).toHaveLength(2);
    expect(report.questions.find((q) => q.questionId === mc.id)).toMatchObject({
      answered: 2,
      mostChosenWrong: { text: "Diesel", count: 2 },
    });
    expect(report.questions.find((q) => q.questionId === tl.id)!.mostSwapped).toEqual([
      { placedFirst: "Kazakhstan becomes independent", placedSecond: "Nazarbayev's rule begins", count: 2 },
    ]);
  });

  it("bins best scores in round ranges that cover every score", () => {
    const bins = scoreDistribution([0, 249, 250, 4999, 5000]);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(5);
    expect(bins[0]).toMatchObject({ label: "0–749", from: 0, to: 749, count: 3 });
    expect(bins.at(-1)!.to).toBeGreaterThanOrEqual(5000);
    expect(bins.length).toBeLessThanOrEqual(8);
    expect(scoreDistribution([])).toEqual([]);
  });
});

describe("clientIp", () => {
  const marker = Symbol.for("fact-trail.peer-address");
  const stamped = (on: boolean) => ((globalThis as Record<symbol, unknown>)[marker] = on);
  afterEach(() => stamped(false));

  it("with no trusted proxy, keys on the TCP peer and ignores X-Forwarded-For (the client writes it)", () => {
    stamped(true);
    const h = new Headers({ "x-forwarded-for": "1.1.1.1, 2.2.2.2", "x-fact-trail-peer": "203.0.113.7" });
    expect(clientIp(h, 0)).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-fact-trail-peer": "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientIp(new Headers({ "x-forwarded-for": "9.9.9.9" }), 0)).toBe("unknown");
  });

  it("without the server's stamp, trusts no header: every client shares one key", () => {
    stamped(false);
    expect(clientIp(new Headers({ "x-fact-trail-peer": "203.0.113.7", "x-forwarded-for": "1.1.1.1" }), 0)).toBe(
      "unknown",
    );
  });

  it("with N trusted proxies, takes the Nth X-Forwarded-For entry from the right", () => {
    stamped(true);
    const h = new Headers({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, 3.3.3.3", "x-fact-trail-peer": "10.0.0.9" });
    expect(clientIp(h, 1)).toBe("3.3.3.3");
    expect(clientIp(h, 2)).toBe("2.2.2.2");
    expect(clientIp(h, 3)).toBe("1.1.1.1");
    // A chain shorter than the proxies: its leftmost entry; no chain at all: the peer.
    expect(clientIp(h, 9)).toBe("1.1.1.1");
    expect(clientIp(new Headers({ "x-fact-trail-peer": "10.0.0.9" }), 1)).toBe("10.0.0.9");
  });

  it("counts an IPv6 client per /64 and refuses what is not an address", () => {
    stamped(true);
    const key = (ip: string) => clientIp(new Headers({ "x-fact-trail-peer": ip }), 0);
    expect(key("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(key("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(key("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(key("::1")).toBe("0:0:0:0::/64");
    expect(key("not an address")).toBe("unknown");
    expect(clientIp(new Headers({ "x-forwarded-for": "[2001:db8:1:2::5]" }), 1)).toBe("2001:db8:1:2::/64");
  });
});

describe("assignment form defaults", () => {
  it("start from the practice rules and pass the validator", async () => {
    const { PRACTICE_RULES } = await import("@/lib/play/settings");
    const r = parseAssignmentForm({ ...ASSIGNMENT_FORM_DEFAULTS, title: "T" }, now);
    expect(r.ok && r.value.settings).toMatchObject(PRACTICE_RULES);
  });
});
