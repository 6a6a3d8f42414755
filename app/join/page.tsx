// Join an assigned quiz by typing the code on the board.
import type { Metadata } from "next";
import { JoinCodeForm } from "@/components/play/join-forms";

export const metadata: Metadata = { title: "Join a quiz — Fact Trail" };

export default function JoinPage() {
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Join your class quiz</h1>
      <p>Type the 6-character code your teacher shows you.</p>
      <JoinCodeForm />
    </div>
  );
}
