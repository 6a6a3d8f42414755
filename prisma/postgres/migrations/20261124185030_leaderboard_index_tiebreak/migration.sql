-- DropIndex
DROP INDEX "Attempt_topic_mode_status_score_finishedAt_idx";

-- DropIndex
DROP INDEX "Attempt_assignmentId_status_score_finishedAt_idx";

-- CreateIndex
CREATE INDEX "Attempt_topic_mode_status_score_finishedAt_id_idx" ON "Attempt"("topic", "mode", "status", "score" DESC, "finishedAt", "id");

-- CreateIndex
CREATE INDEX "Attempt_assignmentId_status_score_finishedAt_id_idx" ON "Attempt"("assignmentId", "status", "score" DESC, "finishedAt", "id");

