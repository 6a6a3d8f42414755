// What the play API sends the browser about an attempt: the shapes the server
// builds (lib/server/play/) and the play screens read (components/play/).
import type { PublicQuestion, Question } from "../quiz/question";
import type { RevisitItem } from "./revisit";
import type { QuizRules } from "./settings";

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
  /** The assignment played, with its due time (ISO) if it has one. */
  assignment: { code: string; title: string; dueAt: string | null } | null;
  nickname: string;
}

export interface ServedQuestion {
  attempt: AttemptSummary;
  position: number;
  question: PublicQuestion;
  servedAt: string;
  /** When the answer stops scoring, or null when untimed. */
  deadline: string | null;
  serverNow: string;
  /** The assignment's due time has passed: the quiz can be finished, but answers no longer score. */
  pastDue: boolean;
}

/** Where an attempt stands when its page opens or comes back (see getResumePoint). */
export type ResumePoint =
  | { kind: "question"; served: ServedQuestion }
  /** The last answer's verdict, still to be read: the next question's clock has not started. */
  | { kind: "feedback"; served: ServedQuestion; feedback: AnswerFeedback; response: string | string[] | null }
  | { kind: "not-started" }
  | { kind: "finished" };

/** A timeline pair the player put the wrong way round, as labels ("you placed X before Y"). */
export interface SwappedLabels {
  placedFirst: string;
  placedSecond: string;
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
  /** For timelines: each pair the player swapped. */
  swapped: SwappedLabels[];
  /** The key: an option id, or the item ids in order. */
  answer: string | string[];
  explanation: string;
  sources: Question["sources"];
  /** The source's words the question rests on, shown with the citation once answered. */
  evidence: string[];
  about: string[];
  finished: boolean;
  /** Received after the assignment's due time: graded, 0 points. */
  pastDue: boolean;
  /** True when this answer had already been submitted: the first result is returned, nothing scored twice. */
  repeated: boolean;
}

export interface ReviewItem {
  position: number;
  question: Question;
  response: unknown;
  correct: boolean;
  credit: number;
  points: number;
  swapped: SwappedLabels[];
}

export interface AttemptResults {
  attempt: AttemptSummary;
  accuracy: number;
  review: ReviewItem[];
  /** Facts and events behind the questions not fully right: where to look again in the study view. */
  revisit: RevisitItem[];
  /** Rank, personal best, the board's top three, attempts left. */
  standing: Standing;
}

/** Where a finished attempt stands (lib/server/play/standing.ts). */
export interface Standing {
  /** The player's best on the board, ranked like the board; null when the teacher hides it. */
  rank: { place: number; of: number; scope: "this week" | "in this quiz" } | null;
  /** The player's best before this attempt (same quiz, or practice of the topic); null on a first game. */
  previousBest: number | null;
  /** This attempt beat every earlier one of the player's. */
  newPersonalBest: boolean;
  /** The board's top three (best attempt per player). */
  podium: { rank: number; nickname: string; score: number; you: boolean }[];
  /** Attempts still allowed; null when unlimited. */
  attemptsLeft: number | null;
}
