-- CreateTable
CREATE TABLE "AdminUnit" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "gsoCode" TEXT,
    "level" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameAscii" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "parentCode" TEXT,
    "validFrom" DATETIME,
    "validTo" DATETIME,
    "geometry" TEXT,
    "geometryIllustrative" BOOLEAN NOT NULL DEFAULT false,
    "centroidLat" REAL,
    "centroidLng" REAL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceId" TEXT
);

-- CreateTable
CREATE TABLE "UnitParent" (
    "unitCode" TEXT NOT NULL,
    "parentCode" TEXT NOT NULL,
    "validFrom" DATETIME NOT NULL,
    "validTo" DATETIME,

    PRIMARY KEY ("unitCode", "validFrom")
);

-- CreateTable
CREATE TABLE "UnitChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "fromCode" TEXT NOT NULL,
    "toCode" TEXT NOT NULL,
    "effectiveDate" DATETIME NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "note" TEXT
);

-- CreateTable
CREATE TABLE "SourceCitation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,
    "note" TEXT
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT,
    "date" DATETIME,
    "kind" TEXT NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "HouseholdRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "householdKey" TEXT NOT NULL,
    "villageCode" TEXT NOT NULL,
    "urban" BOOLEAN NOT NULL,
    "size" INTEGER NOT NULL,
    "incomePerMonth" INTEGER,
    "aScore" INTEGER,
    "deprivations" INTEGER NOT NULL,
    "reviewCategory" TEXT NOT NULL,
    "ethnicMinority" BOOLEAN NOT NULL,
    "importId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "year" INTEGER,
    "rows" INTEGER NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceId" TEXT,
    "summary" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Project" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "programme" TEXT,
    "component" TEXT,
    "startDate" DATETIME,
    "endDate" DATETIME,
    "status" TEXT,
    "decisionRef" TEXT,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceIds" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ProjectFunding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectCode" TEXT NOT NULL,
    "fundingSource" TEXT NOT NULL,
    "budgetVnd" BIGINT NOT NULL,
    "disbursedVnd" BIGINT NOT NULL,
    CONSTRAINT "ProjectFunding_projectCode_fkey" FOREIGN KEY ("projectCode") REFERENCES "Project" ("code") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectVillage" (
    "projectCode" TEXT NOT NULL,
    "villageCode" TEXT NOT NULL,

    PRIMARY KEY ("projectCode", "villageCode"),
    CONSTRAINT "ProjectVillage_projectCode_fkey" FOREIGN KEY ("projectCode") REFERENCES "Project" ("code") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectParticipant" (
    "projectCode" TEXT NOT NULL,
    "householdKey" TEXT NOT NULL,
    "villageCode" TEXT NOT NULL,

    PRIMARY KEY ("projectCode", "householdKey")
);

-- CreateTable
CREATE TABLE "CreditRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "programme" TEXT NOT NULL,
    "loanTurns" INTEGER NOT NULL,
    "outstandingVnd" BIGINT NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceIds" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "JobsRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "domestic" INTEGER NOT NULL,
    "abroad" INTEGER NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceIds" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "reference" TEXT,
    "date" DATETIME,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceIds" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitCode" TEXT NOT NULL,
    "date" DATETIME,
    "body" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "sourceIds" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "AdminUnit_parentCode_idx" ON "AdminUnit"("parentCode");

-- CreateIndex
CREATE INDEX "AdminUnit_level_idx" ON "AdminUnit"("level");

-- CreateIndex
CREATE INDEX "UnitParent_parentCode_idx" ON "UnitParent"("parentCode");

-- CreateIndex
CREATE INDEX "UnitChange_toCode_idx" ON "UnitChange"("toCode");

-- CreateIndex
CREATE UNIQUE INDEX "UnitChange_fromCode_toCode_effectiveDate_key" ON "UnitChange"("fromCode", "toCode", "effectiveDate");

-- CreateIndex
CREATE INDEX "SourceCitation_unitCode_year_idx" ON "SourceCitation"("unitCode", "year");

-- CreateIndex
CREATE INDEX "HouseholdRecord_year_villageCode_idx" ON "HouseholdRecord"("year", "villageCode");

-- CreateIndex
CREATE UNIQUE INDEX "HouseholdRecord_year_householdKey_key" ON "HouseholdRecord"("year", "householdKey");

-- CreateIndex
CREATE INDEX "ProjectFunding_projectCode_idx" ON "ProjectFunding"("projectCode");

-- CreateIndex
CREATE INDEX "ProjectParticipant_villageCode_idx" ON "ProjectParticipant"("villageCode");

-- CreateIndex
CREATE UNIQUE INDEX "CreditRecord_unitCode_year_programme_key" ON "CreditRecord"("unitCode", "year", "programme");

-- CreateIndex
CREATE UNIQUE INDEX "JobsRecord_unitCode_year_key" ON "JobsRecord"("unitCode", "year");

