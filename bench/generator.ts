// Generator speed: the whole bank and a 10-question quiz (targets: < 50 ms and < 2 ms, median).
import { loadTopic } from "../lib/content/load-topic";
import { buildBank, buildDrafts } from "../lib/quiz/bank";
import { generateQuiz, generateQuizFromBank } from "../lib/quiz/quiz";
import { median } from "../support/stats";
import { timeRuns, type BenchRow } from "./measure";

export function benchGenerator(runs = 200): BenchRow[] {
  const topic = loadTopic("kazakhstan-2022");
  // Cold: every run derives the chains, explanations and distractor sets from the fact base again.
  const bank = timeRuns((i) => buildBank(topic, i, buildDrafts(topic)), runs);
  const warmBank = timeRuns((i) => buildBank(topic, i), runs);
  const quiz = timeRuns((i) => generateQuiz(topic, { seed: i, count: 10 }), runs);
  const cached = buildBank(topic, 1);
  const fromBank = timeRuns((i) => generateQuizFromBank(cached, { seed: i, count: 10 }), runs * 5);
  const bankMs = median(bank);
  const quizMs = median(quiz);
  return [
    {
      benchmark: "generator",
      metric: "whole bank from the fact base (median)",
      value: bankMs,
      unit: "ms",
      target: "< 50 ms",
      ok: bankMs < 50,
      note: `${runs} runs`,
    },
    {
      benchmark: "generator",
      metric: "whole bank, drafts cached (median)",
      value: median(warmBank),
      unit: "ms",
      note: `${runs} runs`,
    },
    {
      benchmark: "generator",
      metric: "10-question quiz (median)",
      value: quizMs,
      unit: "ms",
      target: "< 2 ms",
      ok: quizMs < 2,
      note: `${runs} runs; drafts built once per process, as in the server`,
    },
    {
      benchmark: "generator",
      metric: "10-question quiz from a built bank (median)",
      value: median(fromBank),
      unit: "ms",
      note: `${runs * 5} runs`,
    },
  ];
}
