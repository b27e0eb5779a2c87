-- A keyed fingerprint of the household key (issue #18): an import under another key is refused, since its households
-- would not link to earlier years. Holds an HMAC of a fixed label under the key, never the key itself.
-- CreateTable
CREATE TABLE "HouseholdKeyFingerprint" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "fingerprint" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);
