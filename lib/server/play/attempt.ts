// Playing an attempt: serving the current question (without its key), grading an
// answer and scoring it — the server is the only judge — and the end-of-quiz review.
import "server-only";
import { gradeMultipleChoice, gradeTimeline, InvalidResponseError, type SwappedPair } from "@/lib/quiz/grading";
import { questionSchema, toPublic, type PublicQuestion, type Question } from "@/lib/quiz/question";
import { scoreAnswer } from "@/lib/play/scoring";
import { parseQuizRules, type QuizRules } from "@/lib/play/settings";
import { isTopicId, loadTopic } from "@/lib/content/load-topic";
import type { Db } from "../db";
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

async function requireAttempt(db: Db, attemptId: string, playerId: string | null) {
  if (!playerId) throw notFound();
  const attempt = await db.attempt.findFirst({
    where: { id: attemptId, playerId },
    include: { assignment: { select: { code: true, title: true } }, player: { select: { nickname: true } } },
  });
  if (!attempt) throw notFound();
  return attempt;
}

function summarise(attempt: Awaited<ReturnType<typeof requireAttempt>>): AttemptSummary {
  return {
    id: attempt.id,
    mode: attempt.mode,
    topic: attempt.topic,
    status: attempt.status === "finished" ? "finished" : "in_progress",
    score: attempt.score,
    streak: attempt.streak,
    correctCount: attempt.correctCount,
    answeredCount: attempt.answeredCount,
    questionCount: attempt.questionCount,
    rules: parseQuizRules(attempt.settings),
    assignment: attempt.assignment,
    nickname: attempt.player.nickname,
  };
}

export async function getAttemptSummary(db: Db, attemptId: string, playerId: string | null): Promise<AttemptSummary> {
  return summarise(await requireAttempt(db, attemptId, playerId));
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
export async function serveCurrentQuestion(db: Db, attemptId: string, playerId: string | null, now = new Date()): Promise<ServedQuestion> {
  const attempt = await requireAttempt(db, attemptId, playerId);
  const summary = summarise(attempt);
  if (summary.status === "finished") throw new PlayError(409, "finished", "This quiz is finished: see your results.");
  const current = await db.attemptQuestion.findFirst({
    where: { attemptId, answer: null },
    orderBy: { position: "asc" },
    select: { id: true, position: true, question: true, servedAt: true },
  });
  if (!current) throw new PlayError(409, "finished", "This quiz is finished: see your results.");
  let servedAt = current.servedAt;
  if (!servedAt) {
    // Only the first request sets the clock, even if two arrive at once.
    await db.attemptQuestion.updateMany({ where: { id: current.id, servedAt: null }, data: { servedAt: now } });
    servedAt = (await db.attemptQuestion.findUniqueOrThrow({ where: { id: current.id }, select: { servedAt: true } })).servedAt!;
  }
  const limit = summary.rules.timeLimitSeconds;
  return {
    attempt: summary,
    position: current.position,
    question: toPublic(questionSchema.parse(JSON.parse(current.question))),
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
  row: { points: number; credit: number; correct: boolean; response: string; elapsedMs: number },
  attempt: { score: number; streak: number; status: string },
  extra: { position: number; basePoints: number; streakBonus: number; late: boolean; repeated: boolean },
): AnswerFeedback {
  const response: unknown = JSON.parse(row.response);
  return {
    position: extra.position,
    questionId: question.id,
    correct: row.correct,
    credit: row.credit,
    late: extra.late,
    points: row.points,
    basePoints: extra.basePoints,
    streakBonus: extra.streakBonus,
    streak: attempt.streak,
    score: attempt.score,
    swapped: grade(question, response).swapped,
    answer: question.answer,
    explanation: question.explanation,
    sources: question.sources,
    about: question.about,
    finished: attempt.status === "finished",
    repeated: extra.repeated,
  };
}

/** Stored answers keep what the feedback needs to be rebuilt exactly on a repeated submit. */
interface StoredDetail {
  basePoints: number;
  streakBonus: number;
  late: boolean;
}

/** Prisma's unique-constraint error (P2002), from either provider's generated client. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export async function submitAnswer(
  db: Db,
  input: { attemptId: string; playerId: string | null; position: number; response: unknown; now?: Date },
): Promise<AnswerFeedback> {
  const now = input.now ?? new Date();
  const attempt = await requireAttempt(db, input.attemptId, input.playerId);
  const served = await db.attemptQuestion.findUnique({
    where: { attemptId_position: { attemptId: attempt.id, position: input.position } },
    include: { answer: true },
  });
  if (!served) throw new PlayError(404, "no_such_question", `This quiz has no question ${input.position + 1}.`);
  const question = questionSchema.parse(JSON.parse(served.question));

  const replay = async () => {
    const answer = await db.answer.findUniqueOrThrow({ where: { attemptQuestionId: served.id } });
    const current = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { score: true, streak: true, status: true } });
    const detail = JSON.parse(answer.detail) as StoredDetail;
    return feedbackFrom(question, answer, current, { position: served.position, ...detail, repeated: true });
  };
  if (served.answer) return replay();
  if (attempt.status === "finished") throw new PlayError(409, "finished", "This quiz is finished: answers are closed.");
  if (!served.servedAt) throw new PlayError(409, "not_served", `Question ${input.position + 1} has not been asked yet: answer the current question first.`);

  let graded: ReturnType<typeof grade>;
  try {
    graded = grade(question, input.response);
  } catch (error) {
    if (error instanceof InvalidResponseError) throw new PlayError(400, "bad_response", error.message);
    throw error;
  }
  const rules = parseQuizRules(attempt.settings);
  const elapsedMs = Math.max(0, now.getTime() - served.servedAt.getTime());

  try {
    return await db.$transaction(async (tx) => {
      // Read the running totals inside the transaction: the streak depends on the previous answer.
      const before = await tx.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { streak: true, status: true } });
      if (before.status === "finished") throw new PlayError(409, "finished", "This quiz is finished: answers are closed.");
      const score = scoreAnswer({ credit: graded.credit, elapsedMs, streakBefore: before.streak }, rules);
      const detail: StoredDetail = { basePoints: score.base, streakBonus: score.streakBonus, late: score.late };
      const answer = await tx.answer.create({
        data: {
          attemptId: attempt.id,
          attemptQuestionId: served.id,
          response: JSON.stringify(input.response),
          correct: score.correct,
          credit: graded.credit,
          points: score.points,
          elapsedMs,
          detail: JSON.stringify(detail),
          createdAt: now,
        },
      });
      const finished = attempt.answeredCount + 1 >= attempt.questionCount;
      const updated = await tx.attempt.update({
        where: { id: attempt.id },
        data: {
          score: { increment: score.points },
          correctCount: { increment: score.correct ? 1 : 0 },
          answeredCount: { increment: 1 },
          streak: score.streakAfter,
          ...(finished ? { status: "finished", finishedAt: now } : {}),
        },
        select: { score: true, streak: true, status: true },
      });
      return feedbackFrom(question, answer, updated, { position: served.position, ...detail, repeated: false });
    });
  } catch (error) {
    // A second submit raced this one and won: return its result; nothing is scored twice.
    if (isUniqueViolation(error)) return replay();
    throw error;
  }
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

export async function getResults(db: Db, attemptId: string, playerId: string | null): Promise<AttemptResults> {
  const attempt = await requireAttempt(db, attemptId, playerId);
  const summary = summarise(attempt);
  if (summary.status !== "finished") throw new PlayError(409, "not_finished", "Results are ready when the last question is answered.");
  const rows = await db.attemptQuestion.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    select: { position: true, question: true, answer: { select: { response: true, correct: true, credit: true, points: true } } },
  });
  const review = rows.map((row) => {
    const question = questionSchema.parse(JSON.parse(row.question));
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
  const topic = isTopicId(attempt.topic) ? loadTopic(attempt.topic) : null;
  const facts = new Map(topic?.facts.map((f) => [f.id, f.stems[0]!.prompt]));
  const events = new Map(topic?.events.map((e) => [e.id, e.label]));
  const revisit = [...new Set(review.filter((r) => !r.correct).flatMap((r) => r.question.about))].map((id) =>
    events.has(id) ? { id, kind: "event" as const, label: events.get(id)! } : { id, kind: "fact" as const, label: facts.get(id) ?? id },
  );
  return { attempt: summary, accuracy: summary.questionCount ? summary.correctCount / summary.questionCount : 0, review, revisit };
}
