// Errors a player can cause: each carries the HTTP status and a message that says what was wrong.
export class PlayError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "PlayError";
  }
}

export const notFound = (what = "quiz") =>
  new PlayError(404, "not_found", `No such ${what}, or it is not yours to play.`);
