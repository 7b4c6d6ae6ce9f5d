-- AlterTable
ALTER TABLE "Domain" ADD COLUMN     "ownershipMethod" TEXT,
ADD COLUMN     "ownershipToken" TEXT,
ADD COLUMN     "ownershipVerified" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "ownershipVerifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "NotificationOptOut" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationOptOut_pkey" PRIMARY KEY ("userId","kind")
);

-- AddForeignKey
ALTER TABLE "NotificationOptOut" ADD CONSTRAINT "NotificationOptOut_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Domains that existed before ownership proof keep working: they count as verified (method left null).
UPDATE "Domain" SET "ownershipVerified" = true;
