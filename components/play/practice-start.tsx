"use client";
// Home page: one click (and a nickname) starts a solo practice quiz, or a Learn quiz.
import { useRouter } from "next/navigation";
import { playApi } from "./api";
import { NicknameForm } from "./nickname-form";

export function PracticeStart() {
  const router = useRouter();
  return (
    <NicknameForm
      submitLabel="Play now"
      onSubmit={async (nickname) => {
        const { attemptId } = await playApi.startPractice(nickname);
        router.push(`/play/${attemptId}`);
      }}
      alternative={{
        label: "Learn: what is due, weakest first",
        onSubmit: async (nickname) => {
          const { attemptId } = await playApi.startPractice(nickname, true);
          router.push(`/play/${attemptId}`);
        },
      }}
    />
  );
}
