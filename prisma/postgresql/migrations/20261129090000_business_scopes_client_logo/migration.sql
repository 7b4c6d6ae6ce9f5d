-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "logoId" TEXT,
ADD COLUMN     "verifiedScopesPerRequest" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Scope" ADD COLUMN     "claims" TEXT,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "ownerClientId" TEXT;

-- AlterTable
ALTER TABLE "LoginToken" ADD COLUMN     "appRedirectUrl" TEXT;

-- CreateTable
CREATE TABLE "ScopeClaimValue" (
    "scopeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "claim" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScopeClaimValue_pkey" PRIMARY KEY ("scopeId","userId","claim")
);

-- CreateTable
CREATE TABLE "ClientLogo" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "contentType" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClientLogo_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScopeClaimValue_userId_idx" ON "ScopeClaimValue"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ClientLogo_clientId_key" ON "ClientLogo"("clientId");

-- CreateIndex
CREATE INDEX "Scope_ownerClientId_idx" ON "Scope"("ownerClientId");

-- AddForeignKey
ALTER TABLE "ScopeClaimValue" ADD CONSTRAINT "ScopeClaimValue_scopeId_fkey" FOREIGN KEY ("scopeId") REFERENCES "Scope"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScopeClaimValue" ADD CONSTRAINT "ScopeClaimValue_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientLogo" ADD CONSTRAINT "ClientLogo_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

