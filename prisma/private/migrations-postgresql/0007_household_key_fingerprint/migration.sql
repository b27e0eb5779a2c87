-- A keyed fingerprint of the household key, as on SQLite (see the SQLite migration of the same name). In the shape
-- `prisma migrate diff` gives from the schema change.
-- CreateTable
CREATE TABLE "HouseholdKeyFingerprint" (
    "id" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HouseholdKeyFingerprint_pkey" PRIMARY KEY ("id")
);
