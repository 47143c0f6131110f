-- AlterTable
ALTER TABLE "ChatUser" ADD COLUMN     "lang" TEXT NOT NULL DEFAULT 'zh';
