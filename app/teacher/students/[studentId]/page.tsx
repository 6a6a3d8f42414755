// One roster student: every assignment and attempt, every answer with the key beside
// it, and their misconceptions over time; the same as CSV.
import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/teacher/breadcrumbs";
import { extraTimeLabel } from "@/components/teacher/class-roster";
import { StudentMasteryView } from "@/components/teacher/class-mastery";
import { StudentHistoryView } from "@/components/teacher/student-history";
import { DEFAULT_TOPIC, loadTopic } from "@/lib/content/load-topic";
import { appContext } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/errors";
import { requireTeacher } from "@/lib/server/teacher/current-teacher";
import { rosterStudentMastery } from "@/lib/server/teacher/mastery";
import { studentReport } from "@/lib/server/teacher/student-report";
import { getTeacherTimeZone } from "@/lib/server/teacher/time-zone";
import { formatDateTimeInZone } from "@/lib/time-zone";

export const metadata: Metadata = { title: "Student — Fact Trail" };

export default async function StudentPage({ params }: { params: Promise<{ studentId: string }> }) {
  const { studentId } = await params;
  const teacher = await requireTeacher(`/teacher/students/${encodeURIComponent(studentId)}`);
  const ctx = appContext();
  const [report, mastery, timeZone] = await orNotFoundPage(
    Promise.all([
      studentReport(ctx, teacher.id, studentId),
      rosterStudentMastery(ctx, teacher.id, studentId),
      getTeacherTimeZone(ctx, teacher.id),
    ]),
  );
  const { student } = report;
  return (
    <div className="space-y-8">
      <Breadcrumbs
        trail={[
          { href: "/teacher", label: "Your classes" },
          { href: `/teacher/classes/${student.classId}`, label: student.className },
        ]}
      />
      <div>
        <h1 className="text-3xl font-extrabold text-steppe-dark">{student.name}</h1>
        <p className="text-muted">
          Extra time: {extraTimeLabel(student.extraTime)} ·{" "}
          <a href={`/teacher/students/${student.id}/csv`} className="font-semibold text-steppe-dark underline">
            Download every answer (CSV)
          </a>
        </p>
      </div>
      <StudentMasteryView mastery={mastery} topic={loadTopic(DEFAULT_TOPIC)} />
      <StudentHistoryView history={report} formatTime={(time) => formatDateTimeInZone(time, timeZone)} />
    </div>
  );
}
