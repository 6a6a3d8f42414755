// The browser's side of the play API: typed fetches that turn error bodies into messages.
import type { AnswerFeedback, AttemptResults, ResumePoint, ServedQuestion } from "@/lib/play/attempt-view";
import type { Board } from "@/lib/play/leaderboard";

export type { AnswerFeedback, AttemptResults, ResumePoint, ServedQuestion, Board };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly suggestion?: string,
  ) {
    super(message);
  }
}

export async function api<T>(
  url: string,
  init?: { method?: string; body?: unknown; signal?: AbortSignal },
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init?.method ?? "GET",
      headers: init?.body !== undefined ? { "content-type": "application/json" } : undefined,
      body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: init?.signal,
      cache: "no-store",
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "offline", "We could not reach the server. Check your connection; your progress is saved.");
  }
  const data = (await response.json().catch(() => null)) as
    (T & { error?: { code: string; message: string; suggestion?: string } }) | null;
  if (!response.ok || !data) {
    const error = data?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "error",
      error?.message ?? `The server answered ${response.status}.`,
      error?.suggestion,
    );
  }
  return data;
}

export const playApi = {
  startPractice: (nickname: string, learn = false) =>
    api<{ attemptId: string }>("/api/practice", { method: "POST", body: learn ? { nickname, learn } : { nickname } }),
  join: (code: string, nickname: string) =>
    api<{ attemptId: string; resumed: boolean }>("/api/join", { method: "POST", body: { code, nickname } }),
  claim: (code: string, studentId: string, studentCode: string) =>
    api<{ attemptId: string; resumed: boolean }>("/api/join/claim", {
      method: "POST",
      body: { code, studentId, studentCode },
    }),
  current: (attemptId: string) => api<ServedQuestion>(`/api/attempts/${attemptId}/current`, { method: "POST" }),
  /** Where the attempt stands; starts no clock. */
  resume: (attemptId: string) => api<ResumePoint>(`/api/attempts/${attemptId}/current`),
  answer: (attemptId: string, position: number, response: string | string[] | null) =>
    api<AnswerFeedback>(`/api/attempts/${attemptId}/answers`, { method: "POST", body: { position, response } }),
  results: (attemptId: string) => api<AttemptResults>(`/api/attempts/${attemptId}/results`),
  again: (attemptId: string) => api<{ attemptId: string }>(`/api/attempts/${attemptId}/again`, { method: "POST" }),
};

/** Where the study view explains what a question is about. */
export function studyHref(about: readonly string[], type: "timeline" | "multiple-choice"): string {
  return `/study#${type === "timeline" ? "event" : "fact"}-${about[0]}`;
}
