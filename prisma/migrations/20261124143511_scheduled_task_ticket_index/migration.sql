-- CreateIndex
CREATE INDEX "ScheduledTask_ticketId_claimedAt_idx" ON "ScheduledTask"("ticketId", "claimedAt");
