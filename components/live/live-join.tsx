"use client";
// Joining a live game: a nickname, then the player's screen (the page reloads seated).
import { useRouter } from "next/navigation";
import { ApiError, api } from "@/components/play/api";
import { NicknameForm } from "@/components/play/nickname-form";

export function LiveJoinForm({ code }: { code: string }) {
  const router = useRouter();
  return (
    <NicknameForm
      submitLabel="Join the game"
      onSubmit={async (nickname) => {
        await api<{ code: string }>(`/api/live/${code}/join`, { method: "POST", body: { nickname } }).catch(
          (error: unknown) => {
            throw error instanceof ApiError ? error : new ApiError(0, "error", "Something went wrong. Try again.");
          },
        );
        router.refresh();
      }}
    />
  );
}
