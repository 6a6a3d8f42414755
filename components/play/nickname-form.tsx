"use client";
// A nickname and a start button. Errors are announced and tied to the field;
// a refused name comes with a suggestion the player can take with one click.
import { useId, useState } from "react";
import { ApiError } from "./api";

export function NicknameForm({
  submitLabel,
  onSubmit,
  defaultNickname = "",
  alternative,
}: {
  submitLabel: string;
  onSubmit: (nickname: string) => Promise<void>;
  defaultNickname?: string;
  /** A second way to start with the same nickname (a second submit button). */
  alternative?: { label: string; onSubmit: (nickname: string) => Promise<void> };
}) {
  const id = useId();
  const [nickname, setNickname] = useState(defaultNickname);
  const [error, setError] = useState<{ message: string; suggestion?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const start = alternative && submitter?.getAttribute("value") === "alternative" ? alternative.onSubmit : onSubmit;
    setBusy(true);
    setError(null);
    try {
      await start(nickname);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, "error", "Something went wrong. Try again.");
      setError({ message: err.message, suggestion: err.suggestion });
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <div>
        <label htmlFor={`${id}-nickname`} className="block text-sm font-semibold">
          Nickname
        </label>
        <input
          id={`${id}-nickname`}
          name="nickname"
          value={nickname}
          onChange={(e) => setNickname(e.target.value)}
          maxLength={40}
          autoComplete="nickname"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint ${error ? `${id}-error` : ""}`.trim()}
          className="mt-1 w-full rounded-xl border-2 border-steppe/30 bg-white px-4 py-3 text-lg text-ink focus:border-steppe"
        />
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          2–20 letters or numbers. Shown on the leaderboard.
        </p>
      </div>
      <div aria-live="polite" id={`${id}-error`}>
        {error && (
          <div className="rounded-xl border border-ember/40 bg-ember/5 p-3 text-sm text-ember">
            <p>{error.message}</p>
            {error.suggestion && (
              <button
                type="button"
                className="mt-2 rounded-lg border border-ember/40 px-3 py-1 font-semibold"
                onClick={() => {
                  setNickname(error.suggestion!);
                  setError(null);
                }}
              >
                Use “{error.suggestion}”
              </button>
            )}
          </div>
        )}
      </div>
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-xl bg-steppe px-6 py-3 text-lg font-bold text-white shadow hover:bg-steppe-dark disabled:opacity-70"
      >
        {busy ? "Starting…" : submitLabel}
      </button>
      {alternative && (
        <button
          type="submit"
          name="start"
          value="alternative"
          disabled={busy}
          className="min-h-11 w-full rounded-xl border-2 border-steppe px-6 py-2 font-bold text-steppe-dark hover:bg-steppe/5 disabled:opacity-70"
        >
          {alternative.label}
        </button>
      )}
    </form>
  );
}
