-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "actorTombstone" TEXT;

-- CreateTable
CREATE TABLE "AccountDeletion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "purgeAt" DATETIME NOT NULL,
    CONSTRAINT "AccountDeletion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountDeletion_userId_key" ON "AccountDeletion"("userId");

-- CreateIndex
CREATE INDEX "AccountDeletion_purgeAt_idx" ON "AccountDeletion"("purgeAt");
