"use client";
// Joining a roster class: pick your name, type your personal code (once per device).
// A device that already knows the student offers "Continue as …" instead.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ApiError, playApi } from "./api";

interface RosterName {
  id: string;
  name: string;
}

const primary =
  "w-full rounded-xl bg-steppe px-6 py-3 text-lg font-bold text-white shadow hover:bg-steppe-dark disabled:opacity-70";
const field =
  "mt-1 w-full rounded-xl border-2 border-steppe/30 bg-white px-4 py-3 text-lg text-ink focus:border-steppe";

export function RosterJoinForm({ code, names, me }: { code: string; names: RosterName[]; me: RosterName | null }) {
  const id = useId();
  const router = useRouter();
  const [picking, setPicking] = useState(!me);
  const [studentId, setStudentId] = useState("");
  const [studentCode, setStudentCode] = useState("");
  const [error, setError] = useState<{ field: "name" | "code" | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function go(run: () => Promise<{ attemptId: string }>) {
    setBusy(true);
    setError(null);
    try {
      const { attemptId } = await run();
      router.push(`/play/${attemptId}`);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, "error", "Something went wrong. Try again.");
      setError({
        field: err.code === "wrong_code" ? "code" : err.code === "no_such_student" ? "name" : null,
        message: err.message,
      });
      setBusy(false);
    }
  }

  if (me && !picking)
    return (
      <div className="space-y-3">
        <button type="button" className={primary} disabled={busy} onClick={() => go(() => playApi.join(code, ""))}>
          {busy ? "Starting…" : `Continue as ${me.name}`}
        </button>
        <p aria-live="polite" className="min-h-5 text-sm text-ember">
          {error?.message}
        </p>
        <button
          type="button"
          className="min-h-11 font-semibold text-steppe-dark underline"
          onClick={() => setPicking(true)}
        >
          Not {me.name}? Pick your name
        </button>
      </div>
    );

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!studentId) return setError({ field: "name", message: "Pick your name from the list." });
        if (!studentCode.trim()) return setError({ field: "code", message: "Type the code on your card." });
        void go(() => playApi.claim(code, studentId, studentCode));
      }}
    >
      <div>
        <label htmlFor={`${id}-name`} className="block text-sm font-semibold">
          Your name
        </label>
        <select
          id={`${id}-name`}
          value={studentId}
          onChange={(e) => setStudentId(e.target.value)}
          aria-invalid={error?.field === "name" ? true : undefined}
          aria-describedby={error?.field === "name" ? `${id}-error` : undefined}
          className={field}
        >
          <option value="">Pick your name…</option>
          {names.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-code`} className="block text-sm font-semibold">
          Your personal code
        </label>
        <input
          id={`${id}-code`}
          value={studentCode}
          onChange={(e) => setStudentCode(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={9}
          aria-invalid={error?.field === "code" ? true : undefined}
          aria-describedby={`${id}-code-hint${error?.field === "code" ? ` ${id}-error` : ""}`}
          className={`${field} text-center font-mono uppercase tracking-[0.3em]`}
        />
        <p id={`${id}-code-hint`} className="mt-1 text-sm text-muted">
          4 characters, on the card from your teacher. You type it once on this device.
        </p>
      </div>
      <p id={`${id}-error`} aria-live="polite" className="min-h-5 text-sm text-ember">
        {error?.message}
      </p>
      <button type="submit" className={primary} disabled={busy}>
        {busy ? "Starting…" : "Join the quiz"}
      </button>
    </form>
  );
}
