-- Issue #16. (1) Hidden figures look alike: no per-cell suppression reason is stored any more, in new releases or in
-- the ones already written (the public store is a public artefact; a reason such as PRIMARY, "fewer than k
-- households", pinned hidden counts exactly). The reasons live on in the private store (PublishReport, Suppression).
-- The migration runner turns on secure_delete for the public store, so the dropped values are overwritten, not left
-- in free pages. (2) Coverage per unit-year: children that reported against children that existed in that review.
-- Written by hand (SQLite ≥ 3.35 drops columns in place) in the shape `prisma migrate diff` gives on PostgreSQL.
ALTER TABLE "PubCell" DROP COLUMN "reason";
ALTER TABLE "PubProject" DROP COLUMN "householdsReason";
ALTER TABLE "PubCredit" DROP COLUMN "loanTurnsReason";
ALTER TABLE "PubJobs" DROP COLUMN "domesticReason";
ALTER TABLE "PubJobs" DROP COLUMN "abroadReason";
ALTER TABLE "PubUnitYear" ADD COLUMN "coverageReported" INTEGER;
ALTER TABLE "PubUnitYear" ADD COLUMN "coverageExpected" INTEGER;
