"use client";
// Joining an assigned quiz: type the 6-character code, then a nickname.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { explainBadJoinCode, normaliseJoinCode } from "@/lib/play/join-code";
import { playApi } from "./api";
import { NicknameForm } from "./nickname-form";

export function JoinCodeForm({ initialError }: { initialError?: string }) {
  const id = useId();
  const router = useRouter();
  const [code, setCode] = useState("");
  const [error, setError] = useState(initialError ?? "");
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const normal = normaliseJoinCode(code);
        if (!normal) {
          setError(explainBadJoinCode(code));
          return;
        }
        router.push(`/join/${normal}`);
      }}
    >
      <label htmlFor={`${id}-code`} className="block text-sm font-semibold">
        Join code
      </label>
      <input
        id={`${id}-code`}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        inputMode="text"
        autoCapitalize="characters"
        autoComplete="off"
        maxLength={12}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="w-full rounded-xl border-2 border-steppe/30 bg-white px-4 py-3 text-center font-mono text-3xl uppercase tracking-[0.3em] text-ink"
      />
      <p id={`${id}-error`} aria-live="polite" className="min-h-5 text-sm text-ember">
        {error}
      </p>
      <button
        type="submit"
        className="w-full rounded-xl bg-steppe px-6 py-3 text-lg font-bold text-white shadow hover:bg-steppe-dark"
      >
        Continue
      </button>
    </form>
  );
}

export function JoinNicknameForm({ code }: { code: string }) {
  const router = useRouter();
  return (
    <NicknameForm
      submitLabel="Join the quiz"
      onSubmit={async (nickname) => {
        const { attemptId } = await playApi.join(code, nickname);
        router.push(`/play/${attemptId}`);
      }}
    />
  );
}
