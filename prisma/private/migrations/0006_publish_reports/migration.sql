-- The operators' record of each publish (issue #16): the gate's report and why each hidden figure is hidden. The
-- public store stops holding per-cell reasons (public migration 0002): "fewer than k households" is a constraint an
-- outside attacker can use. Written by hand in the shape `prisma migrate diff` gives on PostgreSQL.
-- CreateTable
CREATE TABLE "PublishReport" (
    "releaseId" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL,
    "gateReport" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Suppression" (
    "releaseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "measure" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    PRIMARY KEY ("releaseId", "kind", "subject", "year", "measure")
);
