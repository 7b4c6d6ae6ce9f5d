-- CreateTable
CREATE TABLE "ProjectCategory" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "_ProjectToProjectCategory" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,
    CONSTRAINT "_ProjectToProjectCategory_A_fkey" FOREIGN KEY ("A") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_ProjectToProjectCategory_B_fkey" FOREIGN KEY ("B") REFERENCES "ProjectCategory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Address" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'shipping',
    "name" TEXT,
    "companyName" TEXT,
    "firstname" TEXT,
    "lastname" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "taxNr" TEXT,
    "registrationNr" TEXT,
    "accessCode" TEXT,
    "postalCode" TEXT,
    "houseNumber" TEXT,
    "street" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "countryId" INTEGER NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Address_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Address_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Existing rows get numeric ids in creation order; line1/line2 become the street, label the name, region joins the city.
INSERT INTO "new_Address" ("userId", "name", "postalCode", "street", "city", "countryId", "isDefault", "createdAt", "updatedAt")
SELECT "userId", "label", "postalCode",
    "line1" || CASE WHEN "line2" IS NULL OR "line2" = '' THEN '' ELSE ', ' || "line2" END,
    "city" || CASE WHEN "region" IS NULL OR "region" = '' THEN '' ELSE ', ' || "region" END,
    "countryId", "isDefault", "createdAt", "updatedAt"
FROM "Address" ORDER BY "createdAt", "id";
DROP TABLE "Address";
ALTER TABLE "new_Address" RENAME TO "Address";
CREATE INDEX "Address_userId_idx" ON "Address"("userId");
CREATE TABLE "new_Project" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "image" TEXT,
    "link" TEXT,
    "isNew" BOOLEAN NOT NULL DEFAULT false,
    "directRedirect" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Projects keep their content under the XWMS names, numbered in list order.
INSERT INTO "new_Project" ("slug", "title", "description", "image", "link", "publishedAt", "sortOrder", "createdAt")
SELECT "slug", "name", "description", "logo", "url", "createdAt", "sortOrder", "createdAt"
FROM "Project" ORDER BY "sortOrder", "createdAt";
DROP TABLE "Project";
ALTER TABLE "new_Project" RENAME TO "Project";
CREATE UNIQUE INDEX "Project_slug_key" ON "Project"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ProjectCategory_name_key" ON "ProjectCategory"("name");

-- CreateIndex
CREATE UNIQUE INDEX "_ProjectToProjectCategory_AB_unique" ON "_ProjectToProjectCategory"("A", "B");

-- CreateIndex
CREATE INDEX "_ProjectToProjectCategory_B_index" ON "_ProjectToProjectCategory"("B");

