-- One scenario instance per variant: a run that sends both the direct and the role-play
-- phrasing of a scenario keeps their turns apart. Connector secrets live sealed inside the
-- connector document, so the separate column goes. Neither table has rows yet in any release.
-- DropIndex
DROP INDEX "run_turns_run_id_scenario_key_turn_index_key";

-- AlterTable
ALTER TABLE "projects" DROP COLUMN "connector_secret_headers";

-- AlterTable
ALTER TABLE "run_turns" ALTER COLUMN "variant" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "run_turns_run_id_scenario_key_variant_turn_index_key" ON "run_turns"("run_id", "scenario_key", "variant", "turn_index");

