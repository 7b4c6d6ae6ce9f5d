-- AlterTable: Address becomes the XWMS model; existing rows keep their data (hand-written, not diffed).
ALTER TABLE "Address"
ADD COLUMN     "accessCode" TEXT,
ADD COLUMN     "companyName" TEXT,
ADD COLUMN     "email" TEXT,
ADD COLUMN     "firstname" TEXT,
ADD COLUMN     "houseNumber" TEXT,
ADD COLUMN     "lastname" TEXT,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "registrationNr" TEXT,
ADD COLUMN     "street" TEXT,
ADD COLUMN     "taxNr" TEXT,
ADD COLUMN     "type" TEXT NOT NULL DEFAULT 'shipping',
ADD COLUMN     "newId" INTEGER;

UPDATE "Address" SET
    "name" = "label",
    "street" = "line1" || CASE WHEN "line2" IS NULL OR "line2" = '' THEN '' ELSE ', ' || "line2" END,
    "city" = "city" || CASE WHEN "region" IS NULL OR "region" = '' THEN '' ELSE ', ' || "region" END;
UPDATE "Address" AS a SET "newId" = n.rn
FROM (SELECT "id", row_number() OVER (ORDER BY "createdAt", "id") AS rn FROM "Address") AS n
WHERE a."id" = n."id";

ALTER TABLE "Address" DROP CONSTRAINT "Address_pkey",
DROP COLUMN "label",
DROP COLUMN "line1",
DROP COLUMN "line2",
DROP COLUMN "region",
DROP COLUMN "id",
ALTER COLUMN "street" SET NOT NULL;
ALTER TABLE "Address" RENAME COLUMN "newId" TO "id";
CREATE SEQUENCE "Address_id_seq" AS INTEGER OWNED BY "Address"."id";
SELECT setval('"Address_id_seq"', COALESCE((SELECT MAX("id") FROM "Address"), 0) + 1, false);
ALTER TABLE "Address" ALTER COLUMN "id" SET DEFAULT nextval('"Address_id_seq"'),
ALTER COLUMN "id" SET NOT NULL,
ADD CONSTRAINT "Address_pkey" PRIMARY KEY ("id");

-- AlterTable: Project takes the XWMS names, numbered in list order.
ALTER TABLE "Project"
ADD COLUMN     "directRedirect" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "isNew" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "newId" INTEGER;
UPDATE "Project" SET "publishedAt" = "createdAt";
UPDATE "Project" AS p SET "newId" = n.rn
FROM (SELECT "id", row_number() OVER (ORDER BY "sortOrder", "createdAt") AS rn FROM "Project") AS n
WHERE p."id" = n."id";
ALTER TABLE "Project" DROP CONSTRAINT "Project_pkey", DROP COLUMN "id";
ALTER TABLE "Project" RENAME COLUMN "name" TO "title";
ALTER TABLE "Project" RENAME COLUMN "logo" TO "image";
ALTER TABLE "Project" RENAME COLUMN "url" TO "link";
ALTER TABLE "Project" RENAME COLUMN "newId" TO "id";
CREATE SEQUENCE "Project_id_seq" AS INTEGER OWNED BY "Project"."id";
SELECT setval('"Project_id_seq"', COALESCE((SELECT MAX("id") FROM "Project"), 0) + 1, false);
ALTER TABLE "Project" ALTER COLUMN "id" SET DEFAULT nextval('"Project_id_seq"'),
ALTER COLUMN "id" SET NOT NULL,
ADD CONSTRAINT "Project_pkey" PRIMARY KEY ("id");

-- CreateTable
CREATE TABLE "ProjectCategory" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "ProjectCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ProjectToProjectCategory" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_ProjectToProjectCategory_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProjectCategory_name_key" ON "ProjectCategory"("name");

-- CreateIndex
CREATE INDEX "_ProjectToProjectCategory_B_index" ON "_ProjectToProjectCategory"("B");

-- AddForeignKey
ALTER TABLE "_ProjectToProjectCategory" ADD CONSTRAINT "_ProjectToProjectCategory_A_fkey" FOREIGN KEY ("A") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ProjectToProjectCategory" ADD CONSTRAINT "_ProjectToProjectCategory_B_fkey" FOREIGN KEY ("B") REFERENCES "ProjectCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

