-- AlterTable
ALTER TABLE "Scope" ADD COLUMN "claims" TEXT;
ALTER TABLE "Scope" ADD COLUMN "name" TEXT;
ALTER TABLE "Scope" ADD COLUMN "ownerClientId" TEXT;

-- AlterTable
ALTER TABLE "LoginToken" ADD COLUMN "appRedirectUrl" TEXT;

-- CreateTable
CREATE TABLE "ScopeClaimValue" (
    "scopeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "claim" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("scopeId", "userId", "claim"),
    CONSTRAINT "ScopeClaimValue_scopeId_fkey" FOREIGN KEY ("scopeId") REFERENCES "Scope" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScopeClaimValue_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClientLogo" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "contentType" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClientLogo_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "Client" ADD COLUMN "verifiedScopesPerRequest" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Client" ADD COLUMN "logoId" TEXT;

-- CreateIndex
CREATE INDEX "ScopeClaimValue_userId_idx" ON "ScopeClaimValue"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ClientLogo_clientId_key" ON "ClientLogo"("clientId");

-- CreateIndex
CREATE INDEX "Scope_ownerClientId_idx" ON "Scope"("ownerClientId");

