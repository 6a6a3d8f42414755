// GET /api/ping — a constant answer: the framework's own ceiling, for the benchmark's ratio.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
