// A quiz its player may no longer open: the teacher removed them (the page calls forbidden(), so the
// answer is a 403 — the teacher can let them back in, so the quiz is not gone for good, as 410 would say).
import Link from "next/link";

export default function RemovedFromQuiz() {
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Your teacher removed you from this quiz</h1>
      <p>Your answers no longer count in it. If you think this is a mistake, ask your teacher to let you back in.</p>
      <Link href="/" className="font-semibold text-steppe-dark underline">
        Back to the start
      </Link>
    </div>
  );
}
