// `npm run --silent questions -- --topic kazakhstan-2022 [--seed N] [--count N] [--stats]`
// Prints the topic's question bank (or, with --count, one quiz) as JSON on stdout;
// with --stats, the bank's statistics instead (timeline rules, distractor rules, quiz sizes).
// A contract other tools rely on: see README "Question export". Bad input: one
// line on stderr, exit code 2.
import { parseArgs } from "node:util";
import { TOPIC_IDS, isTopicId, loadTopic } from "../lib/content/load-topic";
import { allQuestions, buildBank } from "../lib/quiz/bank";
import { bankStats } from "../lib/quiz/bank-stats";
import { exportedQuestionSchema, toExported } from "../lib/quiz/question";
import { MAX_QUIZ_QUESTIONS, generateQuizFromBank } from "../lib/quiz/quiz";

function fail(message: string): never {
  process.stderr.write(`questions: ${message}\n`);
  process.exit(2);
}

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    fail(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return Number(raw);
}

let values: { topic?: string; seed?: string; count?: string; stats?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      topic: { type: "string" },
      seed: { type: "string" },
      count: { type: "string" },
      stats: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail((error as Error).message.split("\n")[0]!);
}

if (!values.topic) fail(`--topic is required (one of: ${TOPIC_IDS.join(", ")})`);
if (!isTopicId(values.topic)) fail(`unknown topic "${values.topic}" (known: ${TOPIC_IDS.join(", ")})`);
const seed = integer("seed", values.seed, 0, 2 ** 32 - 1) ?? 1;
const count = integer("count", values.count, 1, MAX_QUIZ_QUESTIONS);

if (values.stats && (values.count !== undefined || values.seed !== undefined))
  fail("--stats describes the whole bank: leave out --count and --seed");

const topic = loadTopic(values.topic);
if (values.stats) {
  process.stdout.write(`${JSON.stringify(bankStats(topic), null, 2)}\n`);
  process.exit(0);
}
const bank = buildBank(topic, seed);
let questions;
try {
  questions = count === undefined ? allQuestions(bank) : generateQuizFromBank(bank, { seed, count });
} catch (error) {
  fail((error as Error).message);
}

const { title, outlet, published, paragraphCount, numbering, relativeDays } = topic.meta.source;
const output = {
  topic: topic.meta.id,
  source: { title, outlet, published, paragraphs: paragraphCount, numbering, relativeDays },
  questions: questions.map((q) => exportedQuestionSchema.parse(toExported(q))),
};
process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
