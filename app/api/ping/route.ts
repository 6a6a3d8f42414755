// GET /api/ping — a constant answer: the framework's own ceiling, for the benchmark's ratio
// (and a liveness check for load balancers). POST reads a JSON body first: the ceiling
// for a JSON POST like submit-answer.
// The body is read as the play routes read theirs: streamed, and refused at their limit.
import { failure, readBodyText } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}

export async function POST(request: Request) {
  try {
    const text = await readBodyText(request);
    return Response.json({ ok: true, bytes: text.length });
  } catch (error) {
    return failure(error, request);
  }
}
