// GET /api/leaderboards/practice?period=all|week — practice boards for the topic.
import { NextResponse } from "next/server";
import { AppError } from "@/lib/app-error";
import { DEFAULT_TOPIC } from "@/lib/content/load-topic";
import { handler } from "@/lib/server/http";
import { practiceLeaderboard } from "@/lib/server/play/leaderboards";

export const GET = handler(async (ctx, request) => {
  const period = request.nextUrl.searchParams.get("period") ?? "all";
  if (period !== "all" && period !== "week") throw new AppError(400, "bad_period", 'period is "all" or "week".');
  return NextResponse.json(await practiceLeaderboard(ctx, DEFAULT_TOPIC, period), {
    headers: { "cache-control": "no-store" },
  });
});
