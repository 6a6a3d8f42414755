// Home page: the ways in — play now (a nickname and one tap), a class quiz by code, study first.
import Link from "next/link";
import { PracticeStart } from "./play/practice-start";

export function PlayPanel() {
  return (
    <div aria-labelledby="play-title" role="region" className="rounded-2xl bg-white p-4 text-ink shadow-xl sm:p-5">
      <h2 id="play-title" className="text-xl font-extrabold text-steppe-dark">
        Play now
      </h2>
      <p className="mb-2 text-sm text-muted">10 questions · timelines and multiple choice · no account</p>
      <PracticeStart />
      <p className="mt-2 flex flex-wrap justify-between gap-x-4 text-sm font-semibold">
        <Link href="/join" className="inline-flex min-h-11 items-center text-steppe-dark underline underline-offset-2">
          Got a class code? Join
        </Link>
        <Link href="/study" className="inline-flex min-h-11 items-center text-steppe-dark underline underline-offset-2">
          Study first
        </Link>
      </p>
    </div>
  );
}
