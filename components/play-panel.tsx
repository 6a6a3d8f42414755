// Home page: the ways in — a practice quiz, a class quiz by code, the study view.
import Link from "next/link";
import { PracticeStart } from "./play/practice-start";

export function PlayPanel() {
  return (
    <section aria-labelledby="play-title" className="grid gap-6 md:grid-cols-[3fr_2fr]">
      <div className="rounded-2xl bg-card p-6 shadow-sm ring-1 ring-black/5">
        <h2 id="play-title" className="text-2xl font-bold text-steppe-dark">
          Practice now
        </h2>
        <p className="mb-4 mt-1 text-muted">
          Ten questions, timelines and multiple choice, each explained with its source. No account needed.
        </p>
        <PracticeStart />
      </div>
      <div className="flex flex-col gap-4">
        <Link
          href="/join"
          className="rounded-2xl bg-sun p-6 font-bold text-ink shadow-sm ring-1 ring-black/5 hover:bg-sun/90"
        >
          <span className="block text-2xl">Join a class quiz</span>
          <span className="font-normal">Got a code from your teacher? Enter it here.</span>
        </Link>
        <Link
          href="/study"
          className="rounded-2xl bg-white p-6 font-bold text-steppe-dark shadow-sm ring-1 ring-black/5 hover:bg-steppe/5"
        >
          <span className="block text-2xl">Study first</span>
          <span className="font-normal text-ink">The timeline and the causes, with every source.</span>
        </Link>
        <Link href="/leaderboard" className="font-semibold text-steppe-dark underline underline-offset-2">
          See the practice leaderboard
        </Link>
      </div>
    </section>
  );
}
