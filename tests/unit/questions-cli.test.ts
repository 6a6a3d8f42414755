// The export command is a contract other tools rely on: shape, determinism, errors.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { exportedQuestionSchema } from "@/lib/quiz/question";

const tsx = path.join(process.cwd(), "node_modules/tsx/dist/cli.mjs");
function run(...args: string[]) {
  const result = spawnSync(process.execPath, [tsx, "scripts/questions.ts", ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const outputSchema = z.object({
  topic: z.literal("kazakhstan-2022"),
  source: z
    .object({
      title: z.string(),
      outlet: z.literal("FRANCE 24 with AFP and Reuters"),
      published: z.literal("2022-01-06"),
    })
    .passthrough(),
  questions: z.array(exportedQuestionSchema),
});

// Each test starts the CLI (a tsx process) up to three times: on a loaded machine that takes
// longer than Vitest's 5 s default, which says nothing about the command itself.
describe("npm run questions", { timeout: 60_000 }, () => {
  it("prints the whole bank without --count: at least 25 timelines and 50 multiple-choice questions", () => {
    const { status, stdout } = run("--topic", "kazakhstan-2022");
    expect(status).toBe(0);
    const out = outputSchema.parse(JSON.parse(stdout));
    expect(out.questions.filter((q) => q.type === "timeline").length).toBeGreaterThanOrEqual(25);
    expect(out.questions.filter((q) => q.type === "multiple-choice").length).toBeGreaterThanOrEqual(50);
  });

  it("prints one quiz with --count, the same for the same --seed", () => {
    const first = run("--topic", "kazakhstan-2022", "--seed", "12", "--count", "7");
    const again = run("--topic", "kazakhstan-2022", "--seed", "12", "--count", "7");
    const other = run("--topic", "kazakhstan-2022", "--seed", "13", "--count", "7");
    expect(outputSchema.parse(JSON.parse(first.stdout)).questions).toHaveLength(7);
    expect(first.stdout).toBe(again.stdout);
    expect(other.stdout).not.toBe(first.stdout);
  });

  it("prints the bank's statistics with --stats: the timeline rules met, no question refused, quiz sizes per kind", () => {
    const { status, stdout } = run("--topic", "kazakhstan-2022", "--stats");
    expect(status).toBe(0);
    const stats = JSON.parse(stdout) as {
      timelines: {
        count: number;
        withBackgroundEvent: number;
        crisisEventsOnFewerThanTwo: string[];
        mostUsedPromptShare: number;
      };
      multipleChoice: {
        count: number;
        facts: number;
        byStrand: Record<string, number>;
        distractors: { refused: string[] };
      };
      largestQuiz: { timelineOnly: number; multipleChoiceOnly: number; both: number };
    };
    expect(stats.timelines.withBackgroundEvent * 3).toBeLessThanOrEqual(stats.timelines.count);
    expect(stats.timelines.crisisEventsOnFewerThanTwo).toEqual([]);
    expect(stats.timelines.mostUsedPromptShare).toBeLessThanOrEqual(0.2);
    expect(stats.multipleChoice.distractors.refused).toEqual([]);
    expect(Object.keys(stats.multipleChoice.byStrand).sort()).toEqual(["causes", "context", "course", "sources"]);
    expect(stats.largestQuiz.timelineOnly).toBeGreaterThanOrEqual(6);
    // a quiz asks about each fact once, so multiple choice alone tops out at one question per fact
    expect(stats.largestQuiz.multipleChoiceOnly).toBe(stats.multipleChoice.facts);
  });

  it.each([
    [["--topic", "kazakhstan-2022", "--stats", "--count", "3"], /--stats describes the whole bank/],
    [["--topic", "atlantis"], /unknown topic "atlantis"/],
    [[], /--topic is required/],
    [["--topic", "kazakhstan-2022", "--count", "ten"], /--count must be a whole number/],
    [["--topic", "kazakhstan-2022", "--seed", "-4"], /--seed/],
    [["--topic", "kazakhstan-2022", "--colour", "red"], /Unknown option '--colour'/],
  ])("rejects %j with one line on stderr and exit code 2", (args, message) => {
    const { status, stdout, stderr } = run(...(args as string[]));
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message as RegExp);
  });
});
