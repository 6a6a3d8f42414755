"use client";
// Joining a live game: a nickname, then the player's screen (the page reloads seated); or,
// on a second device of a player already in, the rejoin code their first screen shows.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { ApiError, api } from "@/components/play/api";
import { NicknameForm } from "@/components/play/nickname-form";

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, "error", "Something went wrong. Try again.");

export function LiveJoinForm({ code }: { code: string }) {
  const router = useRouter();
  return (
    <div className="space-y-6">
      <NicknameForm
        submitLabel="Join the game"
        onSubmit={async (nickname) => {
          await api<{ code: string }>(`/api/live/${code}/join`, { method: "POST", body: { nickname } }).catch(
            (error: unknown) => {
              throw asApiError(error);
            },
          );
          router.refresh();
        }}
      />
      <RejoinForm code={code} onJoined={() => router.refresh()} />
    </div>
  );
}

/** "Already in this game on another device?": the rejoin code from that device's screen. */
function RejoinForm({ code, onJoined }: { code: string; onJoined: () => void }) {
  const id = useId();
  const [rejoinCode, setRejoinCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/live/${code}/join`, { method: "POST", body: { rejoinCode } });
      onJoined();
    } catch (e) {
      setError(asApiError(e).message);
      setBusy(false);
    }
  }

  return (
    <details className="rounded-xl border border-steppe/20 bg-white p-4">
      <summary className="min-h-11 cursor-pointer content-center font-semibold text-steppe-dark">
        Already in this game on another device?
      </summary>
      <form onSubmit={submit} noValidate className="mt-3 space-y-3">
        <div>
          <label htmlFor={`${id}-rejoin`} className="block text-sm font-semibold">
            Rejoin code
          </label>
          <input
            id={`${id}-rejoin`}
            name="rejoinCode"
            value={rejoinCode}
            onChange={(e) => setRejoinCode(e.target.value)}
            maxLength={20}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-rejoin-hint ${error ? `${id}-rejoin-error` : ""}`.trim()}
            className="mt-1 w-full rounded-xl border-2 border-steppe/30 bg-white px-4 py-3 font-mono text-lg uppercase tracking-widest text-ink focus:border-steppe"
          />
          <p id={`${id}-rejoin-hint`} className="mt-1 text-sm text-muted">
            Your other screen shows it under your name. You keep your name and your points.
          </p>
        </div>
        <div aria-live="polite" id={`${id}-rejoin-error`}>
          {error && <p className="rounded-xl border border-ember/40 bg-ember/5 p-3 text-sm text-ember">{error}</p>}
        </div>
        <button
          type="submit"
          disabled={busy}
          className="min-h-11 w-full rounded-xl border-2 border-steppe px-6 py-2 font-bold text-steppe-dark hover:bg-steppe/5 disabled:opacity-70"
        >
          {busy ? "Rejoining…" : "Rejoin on this device"}
        </button>
      </form>
    </details>
  );
}
