// GET /api/leaderboards/practice?period=all|week — practice boards for the topic.
import { NextResponse } from "next/server";
import { DEFAULT_TOPIC } from "@/lib/content/load-topic";
import { db } from "@/lib/server/db";
import { handler } from "@/lib/server/http";
import { PlayError } from "@/lib/server/play/errors";
import { practiceLeaderboard } from "@/lib/server/play/leaderboards";

export const GET = handler(async (request) => {
  const period = request.nextUrl.searchParams.get("period") ?? "all";
  if (period !== "all" && period !== "week") throw new PlayError(400, "bad_period", 'period is "all" or "week".');
  return NextResponse.json(await practiceLeaderboard(db, DEFAULT_TOPIC, period), {
    headers: { "cache-control": "no-store" },
  });
});
