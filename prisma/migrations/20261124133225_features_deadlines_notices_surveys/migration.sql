-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "batch" TEXT;

-- CreateTable
CREATE TABLE "FeeHold" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communityId" INTEGER NOT NULL,
    "householdId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "by" TEXT NOT NULL,
    "since" DATETIME NOT NULL,
    "until" DATETIME NOT NULL,
    "releasedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communityId" INTEGER NOT NULL,
    "authorStaffId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'general',
    "outageFrom" DATETIME,
    "outageTo" DATETIME,
    "directToResidents" BOOLEAN NOT NULL DEFAULT false,
    "sendAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "groupCount" INTEGER NOT NULL DEFAULT 0,
    "residentCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communityId" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "services" TEXT NOT NULL,
    "sampleRatio" REAL NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SurveyInvite" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "surveyId" INTEGER NOT NULL,
    "householdId" INTEGER NOT NULL,
    "chatUserId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "step" INTEGER NOT NULL DEFAULT 0,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "comment" TEXT,
    "ticketId" INTEGER,
    "askedAt" DATETIME,
    "remindedAt" DATETIME,
    "completedAt" DATETIME,
    CONSTRAINT "SurveyInvite_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ticket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communityId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "intent" TEXT NOT NULL,
    "category" TEXT,
    "urgency" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "summary" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'home',
    "householdId" INTEGER,
    "gridId" INTEGER,
    "assigneeId" INTEGER,
    "reporterId" INTEGER,
    "resolution" TEXT,
    "satisfaction" INTEGER,
    "acceptBy" DATETIME,
    "resolveBy" DATETIME,
    "waitingUntil" DATETIME,
    "waitingSince" DATETIME,
    "pausedMinutes" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" DATETIME,
    "onsiteAt" DATETIME,
    "doneAt" DATETIME,
    "closedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ticket_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ticket_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Ticket" ("acceptedAt", "assigneeId", "category", "closedAt", "communityId", "createdAt", "doneAt", "gridId", "householdId", "id", "intent", "number", "onsiteAt", "place", "reporterId", "resolution", "satisfaction", "scope", "status", "summary", "updatedAt", "urgency") SELECT "acceptedAt", "assigneeId", "category", "closedAt", "communityId", "createdAt", "doneAt", "gridId", "householdId", "id", "intent", "number", "onsiteAt", "place", "reporterId", "resolution", "satisfaction", "scope", "status", "summary", "updatedAt", "urgency" FROM "Ticket";
DROP TABLE "Ticket";
ALTER TABLE "new_Ticket" RENAME TO "Ticket";
CREATE INDEX "Ticket_communityId_status_idx" ON "Ticket"("communityId", "status");
CREATE INDEX "Ticket_assigneeId_status_idx" ON "Ticket"("assigneeId", "status");
CREATE UNIQUE INDEX "Ticket_communityId_number_key" ON "Ticket"("communityId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
