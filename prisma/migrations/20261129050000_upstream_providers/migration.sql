-- CreateTable
CREATE TABLE "UpstreamProvider" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretEncrypted" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "iconUrl" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UpstreamIdentity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "providerSlug" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    CONSTRAINT "UpstreamIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UpstreamFlow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "stateHash" TEXT NOT NULL,
    "providerSlug" TEXT NOT NULL,
    "returnTo" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "consumedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "UpstreamLinkTicket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "providerSlug" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "returnTo" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "consumedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UpstreamLinkTicket_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "UpstreamProvider_slug_key" ON "UpstreamProvider"("slug");

-- CreateIndex
CREATE INDEX "UpstreamIdentity_userId_idx" ON "UpstreamIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "UpstreamIdentity_issuer_subject_key" ON "UpstreamIdentity"("issuer", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "UpstreamFlow_stateHash_key" ON "UpstreamFlow"("stateHash");

-- CreateIndex
CREATE UNIQUE INDEX "UpstreamLinkTicket_ticketHash_key" ON "UpstreamLinkTicket"("ticketHash");

-- CreateIndex
CREATE INDEX "UpstreamLinkTicket_userId_idx" ON "UpstreamLinkTicket"("userId");

