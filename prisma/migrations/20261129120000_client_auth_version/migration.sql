-- AlterTable
ALTER TABLE "Client" ADD COLUMN "authVersion" INTEGER NOT NULL DEFAULT 0;

-- Client.authVersion moves whenever anything client authentication or login redirects read changes, so an
-- instance may keep those facts cached keyed by it. Triggers, so that no write path can forget to bump it.

-- The client's own columns. The bump changes only authVersion, which WHEN ignores: no recursion, even with
-- recursive_triggers on. A new Client column must be added to WHEN (test/client-auth-version fails until it is).
CREATE TRIGGER "client_auth_version_client" AFTER UPDATE ON "Client"
WHEN OLD."name" IS NOT NEW."name" OR OLD."ownerId" IS NOT NEW."ownerId"
  OR OLD."verification" IS NOT NEW."verification" OR OLD."subjectType" IS NOT NEW."subjectType"
  OR OLD."createdAt" IS NOT NEW."createdAt" OR OLD."verifiedScopesPerRequest" IS NOT NEW."verifiedScopesPerRequest"
  OR OLD."logoId" IS NOT NEW."logoId" OR OLD."oidcPublic" IS NOT NEW."oidcPublic"
  OR OLD."backchannelLogoutUri" IS NOT NEW."backchannelLogoutUri" OR OLD."id" IS NOT NEW."id"
BEGIN
  UPDATE "Client" SET "authVersion" = "authVersion" + 1 WHERE "id" = NEW."id";
END;

CREATE TRIGGER "client_auth_version_domain_insert" AFTER INSERT ON "Domain"
BEGIN
  UPDATE "Client" SET "authVersion" = "authVersion" + 1 WHERE "id" = NEW."clientId";
END;
CREATE TRIGGER "client_auth_version_domain_update" AFTER UPDATE ON "Domain"
BEGIN
  UPDATE "Client" SET "authVersion" = "authVersion" + 1 WHERE "id" IN (OLD."clientId", NEW."clientId");
END;
CREATE TRIGGER "client_auth_version_domain_delete" AFTER DELETE ON "Domain"
BEGIN
  UPDATE "Client" SET "authVersion" = "authVersion" + 1 WHERE "id" = OLD."clientId";
END;

CREATE TRIGGER "client_auth_version_domain_url_insert" AFTER INSERT ON "DomainUrl"
BEGIN
  UPDATE "Client" SET "authVersion" = "authVersion" + 1
  WHERE "id" IN (SELECT "clientId" FROM "Domain" WHERE "id" = NEW."domainId");
END;
CREATE TRIGGER "client_auth_version_domain_url_update" AFTER UPDATE ON "DomainUrl"
BEGIN
  UPDATE "Client" SET "authVersion" = "authVersion" + 1
  WHERE "id" IN (SELECT "clientId" FROM "Domain" WHERE "id" IN (OLD."domainId", NEW."domainId"));
END;
CREATE TRIGGER "client_auth_version_domain_url_delete" AFTER DELETE ON "DomainUrl"
BEGIN
  UPDATE "Client" SET "authVersion" = "authVersion" + 1
  WHERE "id" IN (SELECT "clientId" FROM "Domain" WHERE "id" = OLD."domainId");
END;

CREATE TRIGGER "client_auth_version_secret_insert" AFTER INSERT ON "ClientSecret"
BEGIN
  UPDATE "Client" SET "authVersion" = "authVersion" + 1 WHERE "id" = NEW."clientId";
END;
-- Every column but lastUsedAt, which each use of a secret writes and nothing decides on.
CREATE TRIGGER "client_auth_version_secret_update" AFTER UPDATE ON "ClientSecret"
WHEN OLD."id" IS NOT NEW."id" OR OLD."clientId" IS NOT NEW."clientId" OR OLD."label" IS NOT NEW."label"
  OR OLD."secretHash" IS NOT NEW."secretHash" OR OLD."prefix" IS NOT NEW."prefix"
  OR OLD."expiresAt" IS NOT NEW."expiresAt" OR OLD."revokedAt" IS NOT NEW."revokedAt"
  OR OLD."createdById" IS NOT NEW."createdById" OR OLD."createdAt" IS NOT NEW."createdAt"
BEGIN
  UPDATE "Client" SET "authVersion" = "authVersion" + 1 WHERE "id" IN (OLD."clientId", NEW."clientId");
END;
CREATE TRIGGER "client_auth_version_secret_delete" AFTER DELETE ON "ClientSecret"
BEGIN
  UPDATE "Client" SET "authVersion" = "authVersion" + 1 WHERE "id" = OLD."clientId";
END;

CREATE TRIGGER "client_auth_version_secret_domain_insert" AFTER INSERT ON "SecretDomain"
BEGIN
  UPDATE "Client" SET "authVersion" = "authVersion" + 1
  WHERE "id" IN (SELECT "clientId" FROM "ClientSecret" WHERE "id" = NEW."secretId");
END;
CREATE TRIGGER "client_auth_version_secret_domain_update" AFTER UPDATE ON "SecretDomain"
BEGIN
  UPDATE "Client" SET "authVersion" = "authVersion" + 1
  WHERE "id" IN (SELECT "clientId" FROM "ClientSecret" WHERE "id" IN (OLD."secretId", NEW."secretId"));
END;
CREATE TRIGGER "client_auth_version_secret_domain_delete" AFTER DELETE ON "SecretDomain"
BEGIN
  UPDATE "Client" SET "authVersion" = "authVersion" + 1
  WHERE "id" IN (SELECT "clientId" FROM "ClientSecret" WHERE "id" = OLD."secretId");
END;
