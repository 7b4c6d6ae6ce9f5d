-- AlterTable
ALTER TABLE "VerificationRequest" ADD COLUMN "revokeNote" TEXT;
ALTER TABLE "VerificationRequest" ADD COLUMN "revokedAt" DATETIME;
ALTER TABLE "VerificationRequest" ADD COLUMN "revokedById" TEXT;

-- AlterTable
ALTER TABLE "VerificationRequestDomain" ADD COLUMN "approved" BOOLEAN;

-- AlterTable
ALTER TABLE "VerificationRequestScope" ADD COLUMN "approved" BOOLEAN;

