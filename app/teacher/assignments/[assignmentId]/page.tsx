// One assignment: its join code, link and QR code, close/reopen, the players
// (hide from the leaderboard, remove), and the report with charts and CSV.
import type { Metadata } from "next";
import Link from "next/link";
import QRCode from "qrcode";
import { AssignmentStateBadge } from "@/components/teacher/assignment-state";
import { Breadcrumbs } from "@/components/teacher/breadcrumbs";
import { secondaryButtonClass } from "@/components/teacher/styles";
import { ClassMasteryView } from "@/components/teacher/class-mastery";
import { QuestionAccuracyChart, ScoreDistributionChart } from "@/components/teacher/report-charts";
import { QuestionsTable, StudentsTable } from "@/components/teacher/report-tables";
import { LiveDashboard } from "@/components/teacher/live-dashboard";
import { Roster } from "@/components/teacher/roster";
import { assignmentState } from "@/lib/play/assignment";
import type { AssignmentSettings } from "@/lib/play/settings";
import { appContext } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/errors";
import { siteOrigin } from "@/lib/server/site-origin";
import { getAssignment } from "@/lib/server/teacher/assignments";
import { requireTeacher } from "@/lib/server/teacher/current-teacher";
import { listPlayers } from "@/lib/server/teacher/moderation";
import { assignmentMastery } from "@/lib/server/teacher/mastery";
import { assignmentProgress } from "@/lib/server/teacher/progress";
import { assignmentReport } from "@/lib/server/teacher/reports";
import { DEFAULT_TOPIC, isTopicId, loadTopic } from "@/lib/content/load-topic";
import { formatDateTimeInZone } from "@/lib/time-zone";
import { listClasses } from "@/lib/server/teacher/classes";
import { getTeacherTimeZone } from "@/lib/server/teacher/time-zone";
import { DuplicateForm } from "@/components/teacher/duplicate-form";
import { ArchiveToggle } from "@/components/teacher/confirm-action";
import {
  duplicateAssignmentAction,
  setAssignmentArchivedAction,
  closeAssignmentAction,
  reopenAssignmentAction,
  setPlayerHiddenAction,
  setPlayerRemovedAction,
} from "../../actions";

export const metadata: Metadata = { title: "Assignment — Fact Trail" };

function settingsSummary(s: AssignmentSettings): string[] {
  return [
    `${s.count} question${s.count === 1 ? "" : "s"}: ${s.kinds.length === 2 ? "timelines and multiple choice" : s.kinds[0] === "timeline" ? "timelines only" : "multiple choice only"}`,
    s.timeLimitSeconds ? `${s.timeLimitSeconds} s per question` : "untimed",
    `speed bonus ${s.speedBonus ? "on" : "off"}, streak bonus ${s.streakBonus ? "on" : "off"}`,
    s.attemptsAllowed === null
      ? "unlimited attempts (best counts)"
      : `${s.attemptsAllowed} attempt${s.attemptsAllowed === 1 ? "" : "s"} (best counts)`,
    s.sameQuestions ? "same questions for everyone" : "a different selection per student",
    s.leaderboard === "full"
      ? "leaderboard shows everyone"
      : s.leaderboard === "top10"
        ? "leaderboard shows the top 10"
        : "leaderboard hidden from students",
  ];
}

export default async function AssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const teacher = await requireTeacher(`/teacher/assignments/${encodeURIComponent(assignmentId)}`);
  const ctx = appContext();
  const [assignment, players, report, mastery, progress, timeZone, classes] = await orNotFoundPage(
    Promise.all([
      getAssignment(ctx, teacher.id, assignmentId),
      listPlayers(ctx, teacher.id, assignmentId),
      assignmentReport(ctx, teacher.id, assignmentId),
      assignmentMastery(ctx, teacher.id, assignmentId),
      assignmentProgress(ctx, teacher.id, assignmentId),
      getTeacherTimeZone(ctx, teacher.id),
      listClasses(ctx, teacher.id),
    ]),
  );
  const topic = loadTopic(isTopicId(assignment.topic) ? assignment.topic : DEFAULT_TOPIC);
  const { title, outlet, published } = topic.meta.source;
  const joinUrl = `${await siteOrigin(ctx)}/join/${assignment.code}`;
  const qr = await QRCode.toString(joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  const state = assignmentState(assignment, ctx.clock.now());
  const csvBase = `/teacher/assignments/${assignment.id}/csv`;

  return (
    <div className="space-y-10">
      <Breadcrumbs
        trail={[
          { href: "/teacher", label: "Your classes" },
          { href: `/teacher/classes/${assignment.classId}`, label: assignment.className },
        ]}
      />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-extrabold text-steppe-dark">{assignment.title}</h1>
        <AssignmentStateBadge state={state} />
        {assignment.archivedAt && (
          <span className="rounded-full bg-black/10 px-3 py-1 text-sm font-semibold">Archived</span>
        )}
        <div className="ml-auto flex flex-wrap gap-2">
          {!assignment.isLive && (
            <Link href={`/teacher/assignments/${assignment.id}/edit`} className={secondaryButtonClass}>
              Edit
            </Link>
          )}
          <ArchiveToggle
            archived={Boolean(assignment.archivedAt)}
            action={setAssignmentArchivedAction}
            fields={{ assignmentId: assignment.id }}
            label="Archive"
            accessibleLabel="Archive this assignment"
            question="Archive this assignment? It leaves the class's list and its code stops working; the report is kept and “Unarchive” brings it back."
          />
        </div>
      </div>

      <section aria-labelledby="join" className="grid gap-6 rounded-xl bg-white p-6 shadow-sm md:grid-cols-[1fr_auto]">
        <div className="space-y-3">
          <h2 id="join" className="text-xl font-bold">
            How students join
          </h2>
          <p>
            Join code{" "}
            <span
              className="block font-mono text-5xl font-extrabold tracking-[0.3em] text-ink"
              aria-label={`Join code: ${[...assignment.code].join(" ")}`}
            >
              {assignment.code}
            </span>
          </p>
          <p>
            Link:{" "}
            <a href={joinUrl} className="break-all font-semibold underline">
              {joinUrl}
            </a>
          </p>
          <ul className="list-disc pl-5 text-sm text-muted">
            {settingsSummary(assignment.settings).map((line) => (
              <li key={line}>{line}</li>
            ))}
            {assignment.opensAt && <li>opens {formatDateTimeInZone(assignment.opensAt, timeZone)}</li>}
            {assignment.dueAt && (
              <li>due {formatDateTimeInZone(assignment.dueAt, timeZone)}: the code stops working then</li>
            )}
          </ul>
          <div className="flex flex-wrap gap-3">
            {assignment.isLive ? (
              // A live game is run from its host page; the podium closes its code for good (no "Reopen").
              <Link href={`/teacher/live/${assignment.code}`} className={secondaryButtonClass}>
                Host page
              </Link>
            ) : state === "closed" ? (
              <form action={reopenAssignmentAction}>
                <input type="hidden" name="assignmentId" value={assignment.id} />
                <button type="submit" className={secondaryButtonClass}>
                  Reopen
                </button>
              </form>
            ) : (
              <form action={closeAssignmentAction}>
                <input type="hidden" name="assignmentId" value={assignment.id} />
                <button type="submit" className={secondaryButtonClass}>
                  Close (stop new joins)
                </button>
              </form>
            )}
            <Link href={`/leaderboard/${assignment.code}`} className={secondaryButtonClass}>
              Leaderboard
            </Link>
            <Link href={`/teacher/assignments/${assignment.id}/projector`} className={secondaryButtonClass}>
              Projector view (no scores)
            </Link>
            {assignment.classId && (
              <Link
                href={`/teacher/classes/${assignment.classId}/live?from=${assignment.id}`}
                className={secondaryButtonClass}
              >
                Host live with these settings
              </Link>
            )}
          </div>
          <p className="text-sm text-muted">
            {assignment.isLive
              ? "A live game: its host locks the lobby to stop new joins, and the podium closes its code for good."
              : "Closing stops new joins and new attempts; a student mid-quiz can finish."}
          </p>
          {!assignment.isLive && (
            <DuplicateForm
              action={duplicateAssignmentAction}
              assignmentId={assignment.id}
              classes={classes.filter((c) => !c.archivedAt).map(({ id, name }) => ({ id, name }))}
              currentClassId={assignment.classId}
            />
          )}
        </div>
        {/* The QR code is an SVG the qrcode library drew on the server: no script, no network; next/image adds nothing to a data URI. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr)}`}
          alt={`QR code for the join link ${joinUrl}`}
          width={220}
          height={220}
          className="h-56 w-56"
        />
      </section>

      <section aria-labelledby="live" className="space-y-3">
        <h2 id="live" className="text-2xl font-bold">
          Live
        </h2>
        <LiveDashboard url={`/teacher/assignments/${assignment.id}/progress`} initial={progress} />
      </section>

      <section aria-labelledby="report" className="space-y-6">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="report" className="text-2xl font-bold">
            Report
          </h2>
          <a href={`${csvBase}/students`} className={secondaryButtonClass} download>
            Download students (CSV)
          </a>
          <a href={`${csvBase}/questions`} className={secondaryButtonClass} download>
            Download questions (CSV)
          </a>
          <Link href={`/teacher/assignments/${assignment.id}`} className="text-sm underline">
            Refresh
          </Link>
        </div>
        {report.students.length > 0 && (
          <div className="grid gap-6 lg:grid-cols-2">
            <ScoreDistributionChart bins={report.distribution} />
            <QuestionAccuracyChart
              rows={report.questions.map((q, i) => ({
                label: `Q${i + 1}`,
                percent: Math.round((q.shareCorrect ?? 0) * 100),
              }))}
            />
          </div>
        )}
        <StudentsTable students={report.students} />
        <QuestionsTable questions={report.questions} />
      </section>

      <ClassMasteryView mastery={mastery} topic={topic} source={{ title, outlet, published }} />

      <section aria-labelledby="players" className="space-y-3">
        <h2 id="players" className="text-2xl font-bold">
          Players and nicknames
        </h2>
        <Roster
          assignmentId={assignment.id}
          players={players}
          hideAction={setPlayerHiddenAction}
          removeAction={setPlayerRemovedAction}
        />
      </section>
    </div>
  );
}
