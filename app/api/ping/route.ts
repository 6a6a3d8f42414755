// GET /api/ping — a constant answer: the framework's own ceiling, for the benchmark's ratio
// (and a liveness check for load balancers). POST reads a JSON body first: the ceiling
// for a JSON POST like submit-answer.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}

export async function POST(request: Request) {
  const text = await request.text();
  return Response.json({ ok: true, bytes: text.length });
}
