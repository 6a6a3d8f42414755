// Playing an attempt: serving the current question (without its key), grading an
// answer and scoring it — the server is the only judge — and the end-of-quiz review.
import "server-only";
import { gradeMultipleChoice, gradeTimeline, InvalidResponseError, type SwappedPair } from "@/lib/quiz/grading";
import { toPublic, type PublicQuestion, type Question } from "@/lib/quiz/question";
import { scoreAnswer } from "@/lib/play/scoring";
import { parseQuizRules, type QuizRules } from "@/lib/play/settings";
import { isTopicId, loadTopic } from "@/lib/content/load-topic";
import type { Data } from "../db";
import type { AnswerRow, AttemptRow, PlayStore } from "./store";
import { secretMatches, type PlayerCookie } from "./player";
import { notFound, PlayError } from "./errors";

export interface AttemptSummary {
  id: string;
  mode: string;
  topic: string;
  status: "in_progress" | "finished";
  score: number;
  streak: number;
  correctCount: number;
  answeredCount: number;
  questionCount: number;
  rules: QuizRules;
  assignment: { code: string; title: string } | null;
  nickname: string;
}

/** Settings strings repeat across a class: parse each distinct one once. */
const rulesCache = new Map<string, QuizRules>();
function rulesOf(settings: string): QuizRules {
  let rules = rulesCache.get(settings);
  if (!rules) {
    rules = parseQuizRules(settings);
    if (rulesCache.size > 1000) rulesCache.clear();
    rulesCache.set(settings, rules);
  }
  return rules;
}

/** Questions were validated by the schema when the attempt stored them; reading them back needs no second check. */
function storedQuestion(json: string): Question {
  return JSON.parse(json) as Question;
}

async function requireAttempt(store: PlayStore, attemptId: string, playerId: string | null): Promise<AttemptSummary> {
  if (!playerId) throw notFound();
  const row = await store.findAttempt(attemptId, playerId);
  if (!row) throw notFound();
  return summaryOf(row);
}

function summaryOf(row: AttemptRow): AttemptSummary {
  if (row.status === "removed") throw new PlayError(403, "removed", "Your teacher has removed you from this quiz.");
  return {
    id: row.id,
    mode: row.mode,
    topic: row.topic,
    status: row.status === "finished" ? "finished" : "in_progress",
    score: row.score,
    streak: row.streak,
    correctCount: row.correctCount,
    answeredCount: row.answeredCount,
    questionCount: row.questionCount,
    rules: rulesOf(row.settings),
    assignment: row.assignmentCode ? { code: row.assignmentCode, title: row.assignmentTitle ?? "" } : null,
    nickname: row.nickname,
  };
}

export async function getAttemptSummary(
  data: Data,
  attemptId: string,
  playerId: string | null,
): Promise<AttemptSummary> {
  return requireAttempt(data.store, attemptId, playerId);
}

export interface ServedQuestion {
  attempt: AttemptSummary;
  position: number;
  question: PublicQuestion;
  servedAt: string;
  /** When the answer stops scoring, or null when untimed. */
  deadline: string | null;
  serverNow: string;
}

/**
 * The current question: the first one not yet answered. Serving starts its clock
 * once; asking again (a refresh, a second tab) returns the same question and clock.
 */
export async function serveCurrentQuestion(
  data: Data,
  attemptId: string,
  playerId: string | null,
  now = new Date(),
): Promise<ServedQuestion> {
  const summary = await requireAttempt(data.store, attemptId, playerId);
  const current = summary.status === "finished" ? null : await data.store.currentQuestion(attemptId);
  if (!current) throw new PlayError(409, "finished", "This quiz is finished: see your results.");
  // Only the first request starts the clock, even if two arrive at once.
  const servedAt = current.servedAt ?? (await data.store.markServed(current.id, now));
  const limit = summary.rules.timeLimitSeconds;
  return {
    attempt: summary,
    position: current.position,
    question: toPublic(storedQuestion(current.question)),
    servedAt: servedAt.toISOString(),
    deadline: limit ? new Date(servedAt.getTime() + limit * 1000).toISOString() : null,
    serverNow: now.toISOString(),
  };
}

export interface AnswerFeedback {
  position: number;
  questionId: string;
  correct: boolean;
  credit: number;
  late: boolean;
  points: number;
  basePoints: number;
  streakBonus: number;
  streak: number;
  score: number;
  /** For timelines: each pair the player swapped, as labels ("you placed X before Y"). */
  swapped: { placedFirst: string; placedSecond: string }[];
  /** The key: an option id, or the item ids in order. */
  answer: string | string[];
  explanation: string;
  sources: Question["sources"];
  about: string[];
  finished: boolean;
  /** True when this answer had already been submitted: the first result is returned, nothing scored twice. */
  repeated: boolean;
}

function labelSwaps(question: Question, swapped: SwappedPair[]) {
  if (question.type !== "timeline") return [];
  const text = new Map(question.items.map((i) => [i.id, i.text]));
  return swapped.map((s) => ({ placedFirst: text.get(s.placedFirst)!, placedSecond: text.get(s.placedSecond)! }));
}

/** `null` is "no answer" (time ran out): no credit, and it still moves the quiz on. */
function grade(question: Question, response: unknown) {
  if (response === null) return { credit: 0, swapped: [] };
  if (question.type === "timeline") {
    const g = gradeTimeline(question, response);
    return { credit: g.credit, swapped: labelSwaps(question, g.swapped) };
  }
  return { credit: gradeMultipleChoice(question, response).credit, swapped: [] };
}

function feedbackFrom(
  question: Question,
  position: number,
  answer: AnswerRow,
  attempt: { score: number; streak: number; status: string },
  repeated: boolean,
  swapped: AnswerFeedback["swapped"] = grade(question, JSON.parse(answer.response)).swapped,
): AnswerFeedback {
  const detail = JSON.parse(answer.detail) as Partial<StoredDetail>;
  return {
    position,
    questionId: question.id,
    correct: answer.correct,
    credit: answer.credit,
    late: detail.late ?? false,
    points: answer.points,
    basePoints: detail.basePoints ?? answer.points,
    streakBonus: detail.streakBonus ?? 0,
    streak: attempt.streak,
    score: attempt.score,
    swapped,
    answer: question.answer,
    explanation: question.explanation,
    sources: question.sources,
    about: question.about,
    finished: attempt.status === "finished",
    repeated,
  };
}

/** Stored with each answer, so a repeated submit returns exactly the first feedback. */
interface StoredDetail {
  basePoints: number;
  streakBonus: number;
  late: boolean;
}

/**
 * Who is answering: a player id the caller has already verified, or the browser's
 * cookie, whose secret is checked against the hash read with the attempt (one query).
 */
export type Answerer = { playerId: string | null } | { cookie: PlayerCookie | null };

export async function submitAnswer(
  data: Data,
  input: { attemptId: string; position: number; response: unknown; now?: Date } & Answerer,
): Promise<AnswerFeedback> {
  const now = input.now ?? new Date();
  const { store } = data;
  const cookie = "cookie" in input ? input.cookie : null;
  const playerId = "cookie" in input ? (cookie?.playerId ?? null) : input.playerId;
  if (!playerId) throw notFound();
  const context = await store.answerContext(input.attemptId, playerId, input.position);
  if (!context || (cookie && !secretMatches(context.secretHash, cookie.secret))) throw notFound();
  const attempt = summaryOf(context.attempt);
  const served = context.question;
  if (!served) throw new PlayError(404, "no_such_question", `This quiz has no question ${input.position + 1}.`);
  const question = storedQuestion(served.question);

  const replay = async () => {
    const again = await store.question(attempt.id, input.position);
    const totals = await requireAttempt(store, attempt.id, playerId);
    return feedbackFrom(question, served.position, again!.answer!, totals, true);
  };
  if (served.answer) return feedbackFrom(question, served.position, served.answer, attempt, true);
  if (attempt.status === "finished") throw new PlayError(409, "finished", "This quiz is finished: answers are closed.");
  if (!served.servedAt)
    throw new PlayError(
      409,
      "not_served",
      `Question ${input.position + 1} has not been asked yet: answer the current question first.`,
    );

  let graded: ReturnType<typeof grade>;
  try {
    graded = grade(question, input.response);
  } catch (error) {
    if (error instanceof InvalidResponseError) throw new PlayError(400, "bad_response", error.message);
    throw error;
  }
  const elapsedMs = Math.max(0, now.getTime() - served.servedAt.getTime());
  const result = await store.recordAnswer(
    {
      attemptId: attempt.id,
      attemptQuestionId: served.id,
      response: JSON.stringify(input.response),
      credit: graded.credit,
      elapsedMs,
      createdAt: now,
      seen: { streak: attempt.streak, answeredCount: attempt.answeredCount },
    },
    (streakBefore) => {
      const score = scoreAnswer({ credit: graded.credit, elapsedMs, streakBefore }, attempt.rules);
      const detail: StoredDetail = { basePoints: score.base, streakBonus: score.streakBonus, late: score.late };
      return {
        correct: score.correct,
        points: score.points,
        streakAfter: score.streakAfter,
        detail: JSON.stringify(detail),
      };
    },
  );
  if (result.outcome === "duplicate") return replay();
  if (result.outcome === "finished") throw new PlayError(409, "finished", "This quiz is finished: answers are closed.");
  return feedbackFrom(question, served.position, result.answer, result.attempt, false, graded.swapped);
}

export interface ReviewItem {
  position: number;
  question: Question;
  response: unknown;
  correct: boolean;
  credit: number;
  points: number;
  swapped: { placedFirst: string; placedSecond: string }[];
}

export interface AttemptResults {
  attempt: AttemptSummary;
  accuracy: number;
  review: ReviewItem[];
  /** Facts and events behind the questions not fully right: where to look again in the study view. */
  revisit: { id: string; kind: "fact" | "event"; label: string }[];
}

export async function getResults(data: Data, attemptId: string, playerId: string | null): Promise<AttemptResults> {
  const summary = await requireAttempt(data.store, attemptId, playerId);
  const { db } = data;
  if (summary.status !== "finished")
    throw new PlayError(409, "not_finished", "Results are ready when the last question is answered.");
  const rows = await db.attemptQuestion.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    select: {
      position: true,
      question: true,
      answer: { select: { response: true, correct: true, credit: true, points: true } },
    },
  });
  const review = rows.map((row) => {
    const question = storedQuestion(row.question);
    const response: unknown = row.answer ? JSON.parse(row.answer.response) : null;
    const swapped = row.answer ? grade(question, response).swapped : [];
    return {
      position: row.position,
      question,
      response,
      correct: row.answer?.correct ?? false,
      credit: row.answer?.credit ?? 0,
      points: row.answer?.points ?? 0,
      swapped,
    };
  });
  const topic = isTopicId(summary.topic) ? loadTopic(summary.topic) : null;
  const facts = new Map(topic?.facts.map((f) => [f.id, f.stems[0]!.prompt]));
  const events = new Map(topic?.events.map((e) => [e.id, e.label]));
  const revisit = [...new Set(review.filter((r) => !r.correct).flatMap((r) => r.question.about))].map((id) =>
    events.has(id)
      ? { id, kind: "event" as const, label: events.get(id)! }
      : { id, kind: "fact" as const, label: facts.get(id) ?? id },
  );
  return {
    attempt: summary,
    accuracy: summary.questionCount ? summary.correctCount / summary.questionCount : 0,
    review,
    revisit,
  };
}
