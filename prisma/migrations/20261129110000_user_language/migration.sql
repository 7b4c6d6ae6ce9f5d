-- AlterTable
ALTER TABLE "UserPreference" ADD COLUMN "language" TEXT;
