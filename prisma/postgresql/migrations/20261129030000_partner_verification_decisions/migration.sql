-- AlterTable
ALTER TABLE "VerificationRequest" ADD COLUMN     "revokeNote" TEXT,
ADD COLUMN     "revokedAt" TIMESTAMP(3),
ADD COLUMN     "revokedById" TEXT;

-- AlterTable
ALTER TABLE "VerificationRequestDomain" ADD COLUMN     "approved" BOOLEAN;

-- AlterTable
ALTER TABLE "VerificationRequestScope" ADD COLUMN     "approved" BOOLEAN;

