-- CreateTable
CREATE TABLE "NotificationOptOut" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "kind"),
    CONSTRAINT "NotificationOptOut_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "Domain" ADD COLUMN "ownershipVerified" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Domain" ADD COLUMN "ownershipMethod" TEXT;
ALTER TABLE "Domain" ADD COLUMN "ownershipVerifiedAt" DATETIME;
ALTER TABLE "Domain" ADD COLUMN "ownershipToken" TEXT;

-- Domains that existed before ownership proof keep working: they count as verified (method left null).
UPDATE "Domain" SET "ownershipVerified" = true;
