-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "acceptBy" TIMESTAMP(3),
ADD COLUMN     "pausedMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "resolveBy" TIMESTAMP(3),
ADD COLUMN     "waitingSince" TIMESTAMP(3),
ADD COLUMN     "waitingUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "batch" TEXT;

-- CreateTable
CREATE TABLE "FeeHold" (
    "id" SERIAL NOT NULL,
    "communityId" INTEGER NOT NULL,
    "householdId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "by" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "releasedAt" TIMESTAMP(3),

    CONSTRAINT "FeeHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" SERIAL NOT NULL,
    "communityId" INTEGER NOT NULL,
    "authorStaffId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'general',
    "outageFrom" TIMESTAMP(3),
    "outageTo" TIMESTAMP(3),
    "directToResidents" BOOLEAN NOT NULL DEFAULT false,
    "sendAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'draft',
    "groupCount" INTEGER NOT NULL DEFAULT 0,
    "residentCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" SERIAL NOT NULL,
    "communityId" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "services" TEXT NOT NULL,
    "sampleRatio" DOUBLE PRECISION NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyInvite" (
    "id" SERIAL NOT NULL,
    "surveyId" INTEGER NOT NULL,
    "householdId" INTEGER NOT NULL,
    "chatUserId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "step" INTEGER NOT NULL DEFAULT 0,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "comment" TEXT,
    "ticketId" INTEGER,
    "askedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "SurveyInvite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FeeHold_communityId_until_idx" ON "FeeHold"("communityId", "until");

-- CreateIndex
CREATE INDEX "FeeHold_householdId_idx" ON "FeeHold"("householdId");

-- CreateIndex
CREATE INDEX "Notice_communityId_status_idx" ON "Notice"("communityId", "status");

-- CreateIndex
CREATE INDEX "SurveyInvite_chatUserId_status_idx" ON "SurveyInvite"("chatUserId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvite_surveyId_householdId_key" ON "SurveyInvite"("surveyId", "householdId");

-- CreateIndex
CREATE INDEX "OutboxMessage_batch_status_idx" ON "OutboxMessage"("batch", "status");

-- AddForeignKey
ALTER TABLE "SurveyInvite" ADD CONSTRAINT "SurveyInvite_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
