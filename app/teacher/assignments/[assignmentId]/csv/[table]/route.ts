// CSV download of a report table: /teacher/assignments/:id/csv/students|questions.
import { NextResponse } from "next/server";
import { AppError } from "@/lib/app-error";
import { handler } from "@/lib/server/http";
import { currentTeacher } from "@/lib/server/teacher/accounts";
import { getAssignment } from "@/lib/server/teacher/assignments";
import { assignmentReport } from "@/lib/server/teacher/reports";
import { questionsCsv, studentsCsv } from "@/lib/teacher/csv";

const TABLES = { students: studentsCsv, questions: questionsCsv } as const;

export const GET = handler<{ assignmentId: string; table: string }>(async (ctx, request, { assignmentId, table }) => {
  const teacher = await currentTeacher(ctx, request.headers);
  if (!teacher) throw new AppError(401, "sign_in", "Sign in as a teacher to download reports.");
  if (!Object.hasOwn(TABLES, table))
    throw new AppError(404, "no_such_table", "There are two tables: students and questions.");
  const [assignment, report] = await Promise.all([
    getAssignment(ctx, teacher.id, assignmentId),
    assignmentReport(ctx, teacher.id, assignmentId),
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
});
