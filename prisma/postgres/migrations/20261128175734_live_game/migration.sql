-- CreateTable
CREATE TABLE "LiveGame" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'lobby',
    "questionIndex" INTEGER NOT NULL DEFAULT -1,
    "questionCount" INTEGER NOT NULL,
    "phaseStartedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" TIMESTAMP(3),
    "pausedRemainingMs" INTEGER,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "settings" TEXT NOT NULL,
    "questions" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveGame_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LivePlayer" (
    "gameId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "nickname" TEXT NOT NULL,
    "team" INTEGER,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LivePlayer_pkey" PRIMARY KEY ("gameId","playerId")
);

-- CreateIndex
CREATE UNIQUE INDEX "LiveGame_assignmentId_key" ON "LiveGame"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "LivePlayer_attemptId_key" ON "LivePlayer"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "LivePlayer_gameId_nickname_key" ON "LivePlayer"("gameId", "nickname");

-- AddForeignKey
ALTER TABLE "LiveGame" ADD CONSTRAINT "LiveGame_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LivePlayer" ADD CONSTRAINT "LivePlayer_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "LiveGame"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LivePlayer" ADD CONSTRAINT "LivePlayer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

