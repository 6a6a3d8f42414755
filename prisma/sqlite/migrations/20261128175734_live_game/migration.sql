-- CreateTable
CREATE TABLE "LiveGame" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'lobby',
    "questionIndex" INTEGER NOT NULL DEFAULT -1,
    "questionCount" INTEGER NOT NULL,
    "phaseStartedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" DATETIME,
    "pausedRemainingMs" INTEGER,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "settings" TEXT NOT NULL,
    "questions" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LiveGame_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LivePlayer" (
    "gameId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "nickname" TEXT NOT NULL,
    "team" INTEGER,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("gameId", "playerId"),
    CONSTRAINT "LivePlayer_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "LiveGame" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LivePlayer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "LiveGame_assignmentId_key" ON "LiveGame"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "LivePlayer_attemptId_key" ON "LivePlayer"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "LivePlayer_gameId_nickname_key" ON "LivePlayer"("gameId", "nickname");

