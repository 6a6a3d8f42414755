-- AlterTable
ALTER TABLE "LivePlayer" ADD COLUMN "rejoinCode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "LivePlayer_gameId_rejoinCode_key" ON "LivePlayer"("gameId", "rejoinCode");

