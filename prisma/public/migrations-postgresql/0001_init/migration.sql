-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "title" TEXT NOT NULL,
    "standards" TEXT NOT NULL,
    "parameters" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "changeNote" TEXT,
    "supersedes" TEXT,
    "gateReport" TEXT NOT NULL,
    "synthetic" BOOLEAN NOT NULL,
    "complete" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PubSource" (
    "releaseId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT,
    "date" TIMESTAMP(3),
    "kind" TEXT NOT NULL,
    "synthetic" BOOLEAN NOT NULL,

    CONSTRAINT "PubSource_pkey" PRIMARY KEY ("releaseId","id")
);

-- CreateTable
CREATE TABLE "PubStandard" (
    "releaseId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "fromYear" INTEGER NOT NULL,
    "toYear" INTEGER NOT NULL,
    "ruralLine" INTEGER NOT NULL,
    "urbanLine" INTEGER NOT NULL,
    "minDeprived" INTEGER NOT NULL,

    CONSTRAINT "PubStandard_pkey" PRIMARY KEY ("releaseId","id")
);

-- CreateTable
CREATE TABLE "PubIndicator" (
    "releaseId" TEXT NOT NULL,
    "standardId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "labelVi" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "PubIndicator_pkey" PRIMARY KEY ("releaseId","standardId","code")
);

-- CreateTable
CREATE TABLE "PubUnit" (
    "releaseId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "gsoCode" TEXT,
    "level" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameAscii" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "parentCode" TEXT,
    "validFrom" TIMESTAMP(3),
    "validTo" TIMESTAMP(3),
    "centroidLat" DOUBLE PRECISION,
    "centroidLng" DOUBLE PRECISION,
    "geometry" TEXT,
    "geometryIllustrative" BOOLEAN NOT NULL,
    "synthetic" BOOLEAN NOT NULL,

    CONSTRAINT "PubUnit_pkey" PRIMARY KEY ("releaseId","code")
);

-- CreateTable
CREATE TABLE "PubUnitParent" (
    "releaseId" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "parentCode" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),

    CONSTRAINT "PubUnitParent_pkey" PRIMARY KEY ("releaseId","unitCode","validFrom")
);

-- CreateTable
CREATE TABLE "PubUnitChange" (
    "releaseId" TEXT NOT NULL,
    "id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fromCode" TEXT NOT NULL,
    "toCode" TEXT NOT NULL,
    "effectiveDate" TIMESTAMP(3) NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "PubUnitChange_pkey" PRIMARY KEY ("releaseId","id")
);

-- CreateTable
CREATE TABLE "PubUnitYear" (
    "releaseId" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "standardId" TEXT NOT NULL,
    "synthetic" BOOLEAN NOT NULL,
    "sourceIds" TEXT NOT NULL,

    CONSTRAINT "PubUnitYear_pkey" PRIMARY KEY ("releaseId","unitCode","year")
);

-- CreateTable
CREATE TABLE "PubCell" (
    "releaseId" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "measure" TEXT NOT NULL,
    "value" INTEGER,
    "status" TEXT NOT NULL,
    "reason" TEXT,

    CONSTRAINT "PubCell_pkey" PRIMARY KEY ("releaseId","unitCode","year","measure")
);

-- CreateTable
CREATE TABLE "PubProject" (
    "releaseId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameAscii" TEXT NOT NULL,
    "programme" TEXT,
    "component" TEXT,
    "budgetVnd" BIGINT,
    "disbursedVnd" BIGINT,
    "householdsValue" INTEGER,
    "householdsStatus" TEXT NOT NULL,
    "householdsReason" TEXT,
    "startDate" TIMESTAMP(3),
    "endDate" TIMESTAMP(3),
    "status" TEXT,
    "decisionRef" TEXT,
    "synthetic" BOOLEAN NOT NULL,
    "sourceIds" TEXT NOT NULL,

    CONSTRAINT "PubProject_pkey" PRIMARY KEY ("releaseId","code")
);

-- CreateTable
CREATE TABLE "PubProjectFunding" (
    "releaseId" TEXT NOT NULL,
    "projectCode" TEXT NOT NULL,
    "fundingSource" TEXT NOT NULL,
    "budgetVnd" BIGINT NOT NULL,
    "disbursedVnd" BIGINT NOT NULL,

    CONSTRAINT "PubProjectFunding_pkey" PRIMARY KEY ("releaseId","projectCode","fundingSource")
);

-- CreateTable
CREATE TABLE "PubProjectUnit" (
    "releaseId" TEXT NOT NULL,
    "projectCode" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "direct" BOOLEAN NOT NULL,

    CONSTRAINT "PubProjectUnit_pkey" PRIMARY KEY ("releaseId","projectCode","unitCode")
);

-- CreateTable
CREATE TABLE "PubCredit" (
    "releaseId" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "programme" TEXT NOT NULL,
    "loanTurnsValue" INTEGER,
    "loanTurnsStatus" TEXT NOT NULL,
    "loanTurnsReason" TEXT,
    "outstandingVnd" BIGINT,
    "synthetic" BOOLEAN NOT NULL,
    "sourceIds" TEXT NOT NULL,

    CONSTRAINT "PubCredit_pkey" PRIMARY KEY ("releaseId","unitCode","year","programme")
);

-- CreateTable
CREATE TABLE "PubJobs" (
    "releaseId" TEXT NOT NULL,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "domesticValue" INTEGER,
    "domesticStatus" TEXT NOT NULL,
    "domesticReason" TEXT,
    "abroadValue" INTEGER,
    "abroadStatus" TEXT NOT NULL,
    "abroadReason" TEXT,
    "synthetic" BOOLEAN NOT NULL,
    "sourceIds" TEXT NOT NULL,

    CONSTRAINT "PubJobs_pkey" PRIMARY KEY ("releaseId","unitCode","year")
);

-- CreateTable
CREATE TABLE "PubPlan" (
    "releaseId" TEXT NOT NULL,
    "id" INTEGER NOT NULL,
    "unitCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "reference" TEXT,
    "date" TIMESTAMP(3),
    "synthetic" BOOLEAN NOT NULL,
    "sourceIds" TEXT NOT NULL,

    CONSTRAINT "PubPlan_pkey" PRIMARY KEY ("releaseId","id")
);

-- CreateTable
CREATE TABLE "PubInspection" (
    "releaseId" TEXT NOT NULL,
    "id" INTEGER NOT NULL,
    "unitCode" TEXT NOT NULL,
    "date" TIMESTAMP(3),
    "body" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "synthetic" BOOLEAN NOT NULL,
    "sourceIds" TEXT NOT NULL,

    CONSTRAINT "PubInspection_pkey" PRIMARY KEY ("releaseId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Release_seq_key" ON "Release"("seq");

-- CreateIndex
CREATE INDEX "PubUnit_releaseId_parentCode_idx" ON "PubUnit"("releaseId", "parentCode");

-- CreateIndex
CREATE INDEX "PubUnit_releaseId_level_idx" ON "PubUnit"("releaseId", "level");

-- CreateIndex
CREATE INDEX "PubUnit_releaseId_nameAscii_idx" ON "PubUnit"("releaseId", "nameAscii");

-- CreateIndex
CREATE INDEX "PubUnitParent_releaseId_parentCode_idx" ON "PubUnitParent"("releaseId", "parentCode");

-- CreateIndex
CREATE INDEX "PubUnitChange_releaseId_fromCode_idx" ON "PubUnitChange"("releaseId", "fromCode");

-- CreateIndex
CREATE INDEX "PubUnitChange_releaseId_toCode_idx" ON "PubUnitChange"("releaseId", "toCode");

-- CreateIndex
CREATE INDEX "PubCell_releaseId_year_measure_idx" ON "PubCell"("releaseId", "year", "measure");

-- CreateIndex
CREATE INDEX "PubProjectUnit_releaseId_unitCode_idx" ON "PubProjectUnit"("releaseId", "unitCode");

-- CreateIndex
CREATE INDEX "PubPlan_releaseId_unitCode_idx" ON "PubPlan"("releaseId", "unitCode");

-- CreateIndex
CREATE INDEX "PubInspection_releaseId_unitCode_idx" ON "PubInspection"("releaseId", "unitCode");

