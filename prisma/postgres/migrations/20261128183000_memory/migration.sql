-- CreateTable
CREATE TABLE "Memory" (
    "playerId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "due" TIMESTAMP(3) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL,
    "difficulty" DOUBLE PRECISION NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "lastReview" TIMESTAMP(3) NOT NULL,
    "lastRating" INTEGER NOT NULL,

    CONSTRAINT "Memory_pkey" PRIMARY KEY ("playerId","topic","item")
);

-- AddForeignKey
ALTER TABLE "Memory" ADD CONSTRAINT "Memory_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

