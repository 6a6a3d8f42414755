-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "nameSkeleton" TEXT;

-- AlterTable
ALTER TABLE "LivePlayer" ADD COLUMN     "nicknameSkeleton" TEXT;

-- CreateTable
CREATE TABLE "AssignmentName" (
    "assignmentId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "skeleton" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssignmentName_pkey" PRIMARY KEY ("assignmentId","playerId")
);

-- CreateIndex
CREATE INDEX "AssignmentName_playerId_idx" ON "AssignmentName"("playerId");

-- CreateIndex
CREATE UNIQUE INDEX "AssignmentName_assignmentId_skeleton_key" ON "AssignmentName"("assignmentId", "skeleton");

-- CreateIndex
CREATE UNIQUE INDEX "Student_classId_nameSkeleton_key" ON "Student"("classId", "nameSkeleton");

-- CreateIndex
CREATE UNIQUE INDEX "LivePlayer_gameId_nicknameSkeleton_key" ON "LivePlayer"("gameId", "nicknameSkeleton");

-- AddForeignKey
ALTER TABLE "AssignmentName" ADD CONSTRAINT "AssignmentName_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentName" ADD CONSTRAINT "AssignmentName_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Every player already in an assignment holds their name in it (live games have their own seats). The skeletons
-- need Unicode's confusables data: the server fills them at start-up (lib/server/name-skeletons.ts, decision 016).
INSERT INTO "AssignmentName" ("assignmentId", "playerId", "createdAt")
SELECT "assignmentId", "playerId", MIN("startedAt") FROM "Attempt"
WHERE "assignmentId" IS NOT NULL AND "mode" <> 'live'
GROUP BY "assignmentId", "playerId";
