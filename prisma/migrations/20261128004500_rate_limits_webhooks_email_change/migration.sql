-- AlterTable
ALTER TABLE "UserToken" ADD COLUMN "newEmail" TEXT;

-- AlterTable
ALTER TABLE "Domain" ADD COLUMN "webhookSigningSecret" TEXT;

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN "lastAttemptAt" DATETIME;
ALTER TABLE "WebhookDelivery" ADD COLUMN "responseStatus" INTEGER;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "RateLimitCounter";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateIndex
CREATE INDEX "RateLimiterFlexible_expire_idx" ON "RateLimiterFlexible"("expire");

