-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "oidcPublic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "backchannelLogoutUri" TEXT;
