-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChatUser" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platformId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "lang" TEXT NOT NULL DEFAULT 'zh',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_ChatUser" ("createdAt", "id", "name", "platformId") SELECT "createdAt", "id", "name", "platformId" FROM "ChatUser";
DROP TABLE "ChatUser";
ALTER TABLE "new_ChatUser" RENAME TO "ChatUser";
CREATE UNIQUE INDEX "ChatUser_platformId_key" ON "ChatUser"("platformId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
