-- AlterTable
ALTER TABLE "Client" ADD COLUMN "oidcPublic" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Client" ADD COLUMN "backchannelLogoutUri" TEXT;
