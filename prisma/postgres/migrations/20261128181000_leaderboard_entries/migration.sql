-- CreateTable
CREATE TABLE "LeaderboardEntry" (
    "board" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "correctCount" INTEGER NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LeaderboardEntry_pkey" PRIMARY KEY ("board","playerId")
);

-- CreateIndex
CREATE INDEX "LeaderboardEntry_board_score_finishedAt_attemptId_idx" ON "LeaderboardEntry"("board", "score" DESC, "finishedAt", "attemptId");

-- CreateIndex
CREATE INDEX "LeaderboardEntry_playerId_idx" ON "LeaderboardEntry"("playerId");

-- CreateIndex
CREATE INDEX "LeaderboardEntry_attemptId_idx" ON "LeaderboardEntry"("attemptId");

-- AddForeignKey
ALTER TABLE "LeaderboardEntry" ADD CONSTRAINT "LeaderboardEntry_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderboardEntry" ADD CONSTRAINT "LeaderboardEntry_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: each player's best finished attempt on each board (as lib/server/play/store/sql.ts posts them).
INSERT INTO "LeaderboardEntry" ("board", "playerId", "attemptId", "score", "correctCount", "questionCount", "finishedAt")
SELECT "board", "playerId", "id", "score", "correctCount", "questionCount", "finishedAt" FROM (
  SELECT b."board", a."playerId", a."id", a."score", a."correctCount", a."questionCount", a."finishedAt",
    ROW_NUMBER() OVER (PARTITION BY b."board", a."playerId" ORDER BY a."score" DESC, a."finishedAt" ASC, a."id" ASC) AS "place"
  FROM "Attempt" a JOIN (
    SELECT 'assignment:' || "assignmentId" AS "board", "id" FROM "Attempt" WHERE "assignmentId" IS NOT NULL
    UNION ALL SELECT 'practice:' || "topic", "id" FROM "Attempt" WHERE "mode" = 'practice'
    UNION ALL SELECT 'practice-week:' || "topic" || ':' || to_char(date_trunc('week', "finishedAt"), 'YYYY-MM-DD'), "id" FROM "Attempt" WHERE "mode" = 'practice' AND "finishedAt" IS NOT NULL
  ) b ON b."id" = a."id"
  WHERE a."status" = 'finished' AND a."finishedAt" IS NOT NULL
) best WHERE "place" = 1;
