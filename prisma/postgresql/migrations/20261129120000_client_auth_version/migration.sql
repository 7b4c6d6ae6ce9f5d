-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "authVersion" INTEGER NOT NULL DEFAULT 0;

-- Client.authVersion moves whenever anything client authentication or login redirects read changes, so an
-- instance may keep those facts cached keyed by it. Triggers, so that no write path can forget to bump it.

-- The client's own columns: any change but updatedAt (and authVersion itself) moves it, a new column too.
-- BEFORE UPDATE sets the new row itself, so there is no second UPDATE to fire this trigger again.
CREATE FUNCTION "client_auth_version_client"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  compared "Client";
BEGIN
  compared := NEW;
  compared."authVersion" := OLD."authVersion";
  compared."updatedAt" := OLD."updatedAt";
  IF compared IS DISTINCT FROM OLD THEN
    NEW."authVersion" := OLD."authVersion" + 1;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "client_auth_version_client" BEFORE UPDATE ON "Client"
FOR EACH ROW EXECUTE FUNCTION "client_auth_version_client"();

-- Bumps the clients whose ids the trigger's function collects (old and new owner of a moved row).
CREATE FUNCTION "client_auth_version_bump"(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Client" SET "authVersion" = "authVersion" + 1 WHERE "id" = ANY(ids);
$$;

CREATE FUNCTION "client_auth_version_domain"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "client_auth_version_bump"(ARRAY[OLD."clientId"]);
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM "client_auth_version_bump"(ARRAY[NEW."clientId"]);
  ELSE
    PERFORM "client_auth_version_bump"(ARRAY[OLD."clientId", NEW."clientId"]);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "client_auth_version_domain" AFTER INSERT OR UPDATE OR DELETE ON "Domain"
FOR EACH ROW EXECUTE FUNCTION "client_auth_version_domain"();

CREATE FUNCTION "client_auth_version_domain_url"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "client_auth_version_bump"(ARRAY(
    SELECT "clientId" FROM "Domain" WHERE "id" IN (
      CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD."domainId" END,
      CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW."domainId" END)));
  RETURN NULL;
END $$;
CREATE TRIGGER "client_auth_version_domain_url" AFTER INSERT OR UPDATE OR DELETE ON "DomainUrl"
FOR EACH ROW EXECUTE FUNCTION "client_auth_version_domain_url"();

-- Every column but lastUsedAt, which each use of a secret writes and nothing decides on; a new column too.
CREATE FUNCTION "client_auth_version_secret"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  compared "ClientSecret";
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "client_auth_version_bump"(ARRAY[OLD."clientId"]);
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM "client_auth_version_bump"(ARRAY[NEW."clientId"]);
  ELSE
    compared := NEW;
    compared."lastUsedAt" := OLD."lastUsedAt";
    IF compared IS DISTINCT FROM OLD THEN
      PERFORM "client_auth_version_bump"(ARRAY[OLD."clientId", NEW."clientId"]);
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "client_auth_version_secret" AFTER INSERT OR UPDATE OR DELETE ON "ClientSecret"
FOR EACH ROW EXECUTE FUNCTION "client_auth_version_secret"();

CREATE FUNCTION "client_auth_version_secret_domain"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "client_auth_version_bump"(ARRAY(
    SELECT "clientId" FROM "ClientSecret" WHERE "id" IN (
      CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD."secretId" END,
      CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW."secretId" END)));
  RETURN NULL;
END $$;
CREATE TRIGGER "client_auth_version_secret_domain" AFTER INSERT OR UPDATE OR DELETE ON "SecretDomain"
FOR EACH ROW EXECUTE FUNCTION "client_auth_version_secret_domain"();
