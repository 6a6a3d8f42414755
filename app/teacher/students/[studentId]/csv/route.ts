// CSV download of one roster student's history: /teacher/students/:id/csv (a row per answer).
import { NextResponse } from "next/server";
import { AppError } from "@/lib/app-error";
import { handler } from "@/lib/server/http";
import { currentTeacher } from "@/lib/server/teacher/accounts";
import { studentReport } from "@/lib/server/teacher/student-report";
import { studentHistoryCsv } from "@/lib/teacher/csv";

export const GET = handler<{ studentId: string }>(async (ctx, request, { studentId }) => {
  const teacher = await currentTeacher(ctx, request.headers);
  if (!teacher) throw new AppError(401, "sign_in", "Sign in as a teacher to download reports.");
  const report = await studentReport(ctx, teacher.id, studentId);
  const name = `${report.student.name.replace(/[^\w-]+/g, "-").slice(0, 40)}-history.csv`;
  return new NextResponse(studentHistoryCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
