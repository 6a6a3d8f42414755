// One class: its assignments and the form for a new one; its roster (names, extra
// time, new codes, printable cards) and the form to add students.
import type { Metadata } from "next";
import Link from "next/link";
import { AssignmentForm } from "@/components/teacher/assignment-form";
import { AssignmentStateBadge } from "@/components/teacher/assignment-state";
import { Breadcrumbs } from "@/components/teacher/breadcrumbs";
import { ClassRoster } from "@/components/teacher/class-roster";
import { StudentsForm } from "@/components/teacher/students-form";
import { buttonClass } from "@/components/teacher/form-bits";
import { assignmentState } from "@/lib/play/assignment";
import { appContext } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/errors";
import { getClass } from "@/lib/server/teacher/classes";
import { requireTeacher } from "@/lib/server/teacher/current-teacher";
import { listStudents } from "@/lib/server/teacher/students";
import { formatDateTimeInZone } from "@/lib/time-zone";
import { questionCapacity } from "@/lib/server/teacher/assignments";
import { getTeacherTimeZone } from "@/lib/server/teacher/time-zone";
import { DEFAULT_TOPIC } from "@/lib/content/load-topic";
import { ClassForm } from "@/components/teacher/class-form";
import { secondaryButtonClass } from "@/components/teacher/styles";
import { ArchiveToggle, ConfirmAction } from "@/components/teacher/confirm-action";
import {
  addStudentsAction,
  createAssignmentAction,
  deleteClassAction,
  renameClassAction,
  resetStudentCodeAction,
  setClassArchivedAction,
  setExtraTimeAction,
} from "../../actions";

export const metadata: Metadata = { title: "Class — Fact Trail" };

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const teacher = await requireTeacher(`/teacher/classes/${encodeURIComponent(classId)}`);
  const ctx = appContext();
  const klass = await orNotFoundPage(getClass(ctx, teacher.id, classId));
  const [students, timeZone, timelineMax] = await Promise.all([
    listStudents(ctx, teacher.id, klass.id),
    getTeacherTimeZone(ctx, teacher.id),
    questionCapacity(ctx, teacher.id, DEFAULT_TOPIC, ["timeline"]),
  ]);
  const now = ctx.clock.now();
  const active = klass.assignments.filter((a) => !a.archivedAt);
  const archived = klass.assignments.filter((a) => a.archivedAt);
  return (
    <div className="space-y-8">
      <Breadcrumbs trail={[{ href: "/teacher", label: "Your classes" }]} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-extrabold text-steppe-dark">{klass.name}</h1>
        {klass.archivedAt && <span className="rounded-full bg-black/10 px-3 py-1 text-sm font-semibold">Archived</span>}
        <div className="ml-auto flex flex-wrap gap-2">
          <details className="group relative">
            <summary className={`${secondaryButtonClass} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
              Rename
            </summary>
            <div className="mt-2 w-72 max-w-full rounded-lg border border-black/20 bg-white p-3 shadow-lg sm:absolute sm:right-0 sm:z-10">
              <ClassForm action={renameClassAction} classId={klass.id} name={klass.name} />
            </div>
          </details>
          <ArchiveToggle
            archived={Boolean(klass.archivedAt)}
            action={setClassArchivedAction}
            fields={{ classId: klass.id }}
            label="Archive class"
            question={`Archive ${klass.name}? It leaves your list and its join codes stop working; every report is kept and “Unarchive” brings it back.`}
          />
          <ConfirmAction
            action={deleteClassAction}
            label="Delete class"
            question={`Delete ${klass.name} for good, with its roster, its assignments and every attempt and report? This cannot be undone (archiving keeps them).`}
            confirmLabel="Yes, delete everything"
            fields={{ classId: klass.id }}
          />
        </div>
      </div>
      {/* What a teacher came to do, at the top: each jumps to its section (on a phone they are far down). */}
      <nav aria-label="On this page" className="flex flex-wrap gap-2">
        <a href="#new-assignment" className={buttonClass}>
          New assignment
        </a>
        <a href="#host-live" className={secondaryButtonClass}>
          Live game
        </a>
        <a href="#students" className={secondaryButtonClass}>
          Roster
        </a>
      </nav>
      {/* A laptop gets two columns: assignments and the form for a new one, with hosting and the roster beside. */}
      <div className="space-y-8 lg:grid lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start lg:gap-8 lg:space-y-0">
        <div className="space-y-8">
          <section aria-labelledby="assignments" className="space-y-3">
            <h2 id="assignments" className="text-xl font-bold">
              Assignments
            </h2>
            {active.length === 0 ? (
              <p>No assignments yet: create one below.</p>
            ) : (
              <ul className="space-y-2">
                {active.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center gap-3 rounded-xl bg-white p-4 shadow-sm">
                    <Link
                      href={`/teacher/assignments/${a.id}`}
                      className="text-lg font-bold text-steppe-dark underline"
                    >
                      {a.title}
                    </Link>
                    <span className="font-mono tracking-widest">{a.code}</span>
                    <AssignmentStateBadge state={assignmentState(a, now)} />
                    <span className="text-sm text-muted">
                      {a.players} student{a.players === 1 ? "" : "s"}
                      {a.dueAt ? ` · due ${formatDateTimeInZone(a.dueAt, timeZone)}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {archived.length > 0 && (
              <details className="rounded-xl bg-white p-4 shadow-sm">
                <summary className="min-h-11 cursor-pointer content-center font-semibold">
                  Archived assignments ({archived.length}): reports kept
                </summary>
                <ul className="mt-2 space-y-1">
                  {archived.map((a) => (
                    <li key={a.id}>
                      <Link
                        href={`/teacher/assignments/${a.id}`}
                        className="inline-flex min-h-11 items-center font-semibold text-steppe-dark underline"
                      >
                        {a.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
          <section
            aria-labelledby="new-assignment"
            className="max-w-xl space-y-3 rounded-xl lg:max-w-none bg-white p-4 shadow-sm"
          >
            <h2 id="new-assignment" className="text-xl font-bold">
              New assignment: Kazakhstan, January 2022
            </h2>
            <AssignmentForm
              action={createAssignmentAction}
              classId={klass.id}
              timeZone={timeZone}
              timelineMax={timelineMax}
            />
          </section>
        </div>
        <div className="space-y-8">
          <section aria-labelledby="host-live" className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
            <h2 id="host-live" className="text-xl font-bold">
              Host a live game
            </h2>
            <p className="text-muted">
              Everyone answers the same question on the same clock: a lobby with a join code and QR for the projector,
              the reveal with its explanation after each question, a leaderboard and a podium. The game feeds this
              class’s report like an assignment.
            </p>
            <Link href={`/teacher/classes/${klass.id}/live`} className={buttonClass}>
              Host live
            </Link>
          </section>
          <section aria-labelledby="students" className="space-y-3">
            <h2 id="students" className="text-xl font-bold">
              Students
            </h2>
            {students.length === 0 ? (
              <p className="max-w-prose">
                No roster: students join with any nickname (fine for practice and quick games). With a roster, each
                student picks their name and types a personal code once per device, so attempts, best scores and reports
                follow the student, and “1 attempt” means one.
              </p>
            ) : (
              <>
                <p className="max-w-prose">
                  {students.length} student{students.length === 1 ? "" : "s"}. They join by picking their name and
                  typing their personal code once per device. Codes are on the printable cards, not on this page.{" "}
                  <Link
                    href={`/teacher/classes/${klass.id}/cards`}
                    className="font-semibold text-steppe-dark underline"
                  >
                    Print code cards
                  </Link>
                </p>
                <ClassRoster
                  students={students}
                  extraTimeAction={setExtraTimeAction}
                  resetCodeAction={resetStudentCodeAction}
                  studentHref={(id) => `/teacher/students/${id}`}
                />
              </>
            )}
            <div className="max-w-xl rounded-xl bg-white p-4 shadow-sm">
              <StudentsForm action={addStudentsAction} classId={klass.id} hasRoster={students.length > 0} />
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
