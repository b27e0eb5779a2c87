-- HouseholdRecord's village index gives way to one on (year, importId): an import inserts its rows in household-key
-- order, which filled the village index at random places, while a new batch's (year, importId) entries go in at the
-- end, in order. The import finds the old records of the communes it replaces through the batches that cover them.
-- DropIndex
DROP INDEX "HouseholdRecord_year_villageCode_idx";

-- CreateIndex
CREATE INDEX "HouseholdRecord_year_importId_idx" ON "HouseholdRecord"("year", "importId");
