// CSV download of a report table: /teacher/assignments/:id/csv/students|questions.
import { NextResponse, type NextRequest } from "next/server";
import { appTeacherDeps, currentTeacher } from "@/lib/server/teacher/accounts";
import { getAssignment } from "@/lib/server/teacher/classes";
import { TeacherError } from "@/lib/server/teacher/errors";
import { assignmentReport } from "@/lib/server/teacher/reports";
import { questionsCsv, studentsCsv } from "@/lib/teacher/csv";

const TABLES = { students: studentsCsv, questions: questionsCsv } as const;

function fail(status: number, message: string) {
  return NextResponse.json({ error: { message } }, { status, headers: { "cache-control": "no-store" } });
}

export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ assignmentId: string; table: string }> },
) {
  const { assignmentId, table } = await params;
  const deps = appTeacherDeps();
  const teacher = await currentTeacher(deps, request.headers);
  if (!teacher) return fail(401, "Sign in as a teacher to download reports.");
  if (!(table in TABLES)) return fail(404, "There are two tables: students and questions.");
  try {
    const [assignment, report] = await Promise.all([
      getAssignment(deps.db, teacher.id, assignmentId),
      assignmentReport(deps.db, teacher.id, assignmentId),
    ]);
    const csv = TABLES[table as keyof typeof TABLES](report);
    const name = `${assignment.code}-${assignment.title.replace(/[^\w-]+/g, "-").slice(0, 40)}-${table}.csv`;
    return new NextResponse(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof TeacherError) return fail(error.status, error.message);
    throw error;
  }
}
