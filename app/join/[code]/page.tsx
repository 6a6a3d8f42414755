// The join link: shows which quiz a code opens (or why it cannot be joined) and asks for a
// nickname, or, in a class with a roster, for the student's name and personal code.
import type { Metadata } from "next";
import { CannotJoin } from "@/components/play/cannot-join";
import { JoinNicknameForm } from "@/components/play/join-forms";
import { RosterJoinForm } from "@/components/play/roster-join-form";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { normaliseJoinCode } from "@/lib/play/join-code";
import { AppError } from "@/lib/app-error";
import { appContext } from "@/lib/server/context";
import { guardCodeLookup } from "@/lib/server/play/guards";
import { playerFromPageCookies } from "@/lib/server/play/current-player";
import { findJoinableAssignment, openAttemptIn } from "@/lib/server/play/join-assignment";
import { rosterForJoin } from "@/lib/server/play/roster-join";

export const metadata: Metadata = { title: "Join a quiz — Fact Trail" };
export const dynamic = "force-dynamic";

export default async function JoinCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  let assignment;
  const ctx = appContext();
  try {
    const requestHeaders = new Headers(await headers());
    assignment = await guardCodeLookup(ctx, requestHeaders, () =>
      findJoinableAssignment(ctx, decodeURIComponent(code)),
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "live_game") redirect(`/live/${normaliseJoinCode(decodeURIComponent(code))}`);
    return <CannotJoin title="This quiz can’t be joined" message={error.message} />;
  }
  const { settings } = assignment;
  // A class with a roster: pick your name and type your code (once per device).
  const player = await playerFromPageCookies(ctx);
  const roster = await rosterForJoin(ctx, assignment.classId, player);
  // This browser's quiz in progress here comes first (a new name would only resume it).
  const open = await openAttemptIn(ctx, assignment.id, player);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">Code {assignment.code}</p>
        <h1 className="text-3xl font-extrabold text-steppe-dark">{assignment.title}</h1>
        <p className="mt-2 text-muted">
          {settings.count} questions ·{" "}
          {settings.timeLimitSeconds ? `${settings.timeLimitSeconds} seconds each` : "no time limit"}
          {settings.attemptsAllowed
            ? ` · ${settings.attemptsAllowed} attempt${settings.attemptsAllowed > 1 ? "s" : ""}`
            : ""}
        </p>
      </div>
      {open && (
        <Link
          href={`/play/${open.attemptId}`}
          className="flex min-h-11 w-full items-center justify-center rounded-xl bg-steppe px-6 py-3 text-lg font-bold text-white shadow hover:bg-steppe-dark"
        >
          Continue your quiz as {open.nickname}
        </Link>
      )}
      {roster ? (
        <RosterJoinForm code={assignment.code} names={roster.names} me={roster.me} />
      ) : (
        <JoinNicknameForm code={assignment.code} />
      )}
    </div>
  );
}
