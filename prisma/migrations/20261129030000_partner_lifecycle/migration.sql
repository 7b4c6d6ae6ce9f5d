-- AlterTable
ALTER TABLE "VerificationRequest" ADD COLUMN "revokeNote" TEXT;
ALTER TABLE "VerificationRequest" ADD COLUMN "revokedAt" DATETIME;
ALTER TABLE "VerificationRequest" ADD COLUMN "revokedById" TEXT;

-- AlterTable
ALTER TABLE "VerificationRequestDomain" ADD COLUMN "approved" BOOLEAN;

-- AlterTable
ALTER TABLE "VerificationRequestScope" ADD COLUMN "approved" BOOLEAN;

-- CreateTable
CREATE TABLE "MemberInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "memberExpiresAt" DATETIME,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "acceptedUserId" TEXT,
    "declinedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MemberInvitation_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MemberInvitation_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "MemberInvitation_tokenHash_key" ON "MemberInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "MemberInvitation_clientId_email_idx" ON "MemberInvitation"("clientId", "email");

