"use client";
// Shown when a page fails to render; the player's progress lives on the server and is safe.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Something went wrong</h1>
      <p>Your answers so far are saved. Try again in a moment.</p>
      <button type="button" onClick={reset} className="rounded-xl bg-steppe px-5 py-2 font-bold text-white">
        Try again
      </button>
    </div>
  );
}
