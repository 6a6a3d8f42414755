// Editing an assignment: the create form with its stored values, times in the
// teacher's zone; once students have started, what would change their answers is fixed.
import type { Metadata } from "next";
import { AssignmentForm } from "@/components/teacher/assignment-form";
import { Breadcrumbs } from "@/components/teacher/breadcrumbs";
import { DEFAULT_TOPIC, isTopicId } from "@/lib/content/load-topic";
import { appContext } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/errors";
import { getAssignmentForEdit, questionCapacity } from "@/lib/server/teacher/assignments";
import { requireTeacher } from "@/lib/server/teacher/current-teacher";
import { getTeacherTimeZone } from "@/lib/server/teacher/time-zone";
import { assignmentFormValues } from "@/lib/teacher/assignment-form";
import { updateAssignmentAction } from "../../../actions";

export const metadata: Metadata = { title: "Edit assignment — Fact Trail" };

export default async function EditAssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const teacher = await requireTeacher(`/teacher/assignments/${encodeURIComponent(assignmentId)}/edit`);
  const ctx = appContext();
  const { assignment, started } = await orNotFoundPage(getAssignmentForEdit(ctx, teacher.id, assignmentId));
  const topic = isTopicId(assignment.topic) ? assignment.topic : DEFAULT_TOPIC;
  const [timeZone, timelineMax] = await Promise.all([
    getTeacherTimeZone(ctx, teacher.id),
    questionCapacity(ctx, teacher.id, topic, ["timeline"]),
  ]);
  return (
    <div className="space-y-6">
      <Breadcrumbs
        trail={[
          { href: "/teacher", label: "Your classes" },
          { href: `/teacher/classes/${assignment.classId}`, label: assignment.className },
          { href: `/teacher/assignments/${assignment.id}`, label: assignment.title },
        ]}
      />
      <h1 className="text-3xl font-extrabold text-steppe-dark">Edit {assignment.title}</h1>
      <section aria-label="Assignment settings" className="max-w-xl rounded-xl bg-white p-4 shadow-sm">
        <AssignmentForm
          action={updateAssignmentAction}
          assignmentId={assignment.id}
          initial={assignmentFormValues(assignment, timeZone)}
          started={started}
          timeZone={timeZone}
          timelineMax={timelineMax}
        />
      </section>
    </div>
  );
}
