// GET /teacher/assignments/:id/progress — the dashboard's poll: who joined, which question
// each student is on, scores, who finished (JSON; one read of the attempts per poll).
// `?scores=0` (the projector view) leaves the scores out.
import { AppError } from "@/lib/app-error";
import { handler } from "@/lib/server/http";
import { currentTeacher } from "@/lib/server/teacher/accounts";
import { assignmentProgress } from "@/lib/server/teacher/progress";
import { withoutScores } from "@/lib/teacher/live-progress";

export const GET = handler<{ assignmentId: string }>(async (ctx, request, { assignmentId }) => {
  const teacher = await currentTeacher(ctx, request.headers);
  if (!teacher) throw new AppError(401, "sign_in", "Sign in as a teacher to follow an assignment.");
  const progress = await assignmentProgress(ctx, teacher.id, assignmentId);
  const shown = new URL(request.url).searchParams.get("scores") === "0" ? withoutScores(progress) : progress;
  return Response.json(shown, { headers: { "cache-control": "private, no-store" } });
});
