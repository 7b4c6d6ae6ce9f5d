-- CreateTable
CREATE TABLE "UpstreamProvider" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretEncrypted" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "iconUrl" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UpstreamProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpstreamIdentity" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "providerSlug" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "UpstreamIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpstreamFlow" (
    "id" TEXT NOT NULL,
    "stateHash" TEXT NOT NULL,
    "providerSlug" TEXT NOT NULL,
    "returnTo" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UpstreamFlow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpstreamLinkTicket" (
    "id" TEXT NOT NULL,
    "ticketHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "providerSlug" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "returnTo" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UpstreamLinkTicket_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "UpstreamIdentity" ADD CONSTRAINT "UpstreamIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpstreamLinkTicket" ADD CONSTRAINT "UpstreamLinkTicket_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

