-- CreateEnum
CREATE TYPE "org_tier" AS ENUM ('FREE', 'ALPHA', 'TEAM', 'ENTERPRISE');

-- CreateEnum
CREATE TYPE "membership_role" AS ENUM ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER');

-- CreateEnum
CREATE TYPE "signup_mode" AS ENUM ('OPEN', 'INVITE_ONLY', 'ALLOWLIST');

-- CreateEnum
CREATE TYPE "allowlist_kind" AS ENUM ('EMAIL', 'DOMAIN');

-- CreateEnum
CREATE TYPE "project_environment" AS ENUM ('SANDBOX', 'STAGING', 'PROD');

-- CreateEnum
CREATE TYPE "run_status" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELED', 'STOPPED');

-- CreateEnum
CREATE TYPE "stop_reason" AS ENUM ('MAX_TOKENS', 'MAX_LLM_CALLS', 'MAX_RUNTIME', 'MAX_COST', 'MAX_TURNS', 'ADMIN_KILL', 'USER_CANCEL', 'QUOTA', 'WORKER_LOST', 'ERROR');

-- CreateEnum
CREATE TYPE "run_intensity" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "verdict" AS ENUM ('PASS', 'FAIL', 'INCONCLUSIVE');

-- CreateEnum
CREATE TYPE "severity" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO');

-- CreateEnum
CREATE TYPE "finding_status" AS ENUM ('OPEN', 'CONFIRMED', 'FALSE_POSITIVE', 'ACCEPTED_RISK', 'FIXED');

-- CreateEnum
CREATE TYPE "evidence_kind" AS ENUM ('MESSAGE', 'REPLY', 'TOOL_CALL', 'EGRESS_EVENT', 'VERDICT', 'FINDING', 'ERROR');

-- CreateEnum
CREATE TYPE "report_format" AS ENUM ('MD', 'HTML', 'JSON', 'SARIF', 'JUNIT');

-- CreateEnum
CREATE TYPE "actor_type" AS ENUM ('USER', 'API_KEY', 'SIDECAR', 'SYSTEM', 'ANONYMOUS');

-- CreateEnum
CREATE TYPE "usage_kind" AS ENUM ('RUN', 'TURN', 'AGENT_CALL', 'EVENT', 'STORED_BYTES', 'JUDGE_TOKENS', 'COST_MICROS');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "image" TEXT,
    "password_hash" TEXT,
    "email_verified_at" TIMESTAMPTZ(3),
    "is_platform_admin" BOOLEAN NOT NULL DEFAULT false,
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "platform_settings" (
    "id" TEXT NOT NULL,
    "signup_mode" "signup_mode" NOT NULL DEFAULT 'INVITE_ONLY',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "platform_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "allowlist_entries" (
    "id" TEXT NOT NULL,
    "kind" "allowlist_kind" NOT NULL,
    "value" TEXT NOT NULL,
    "note" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "allowlist_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_verification_tokens" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "email_verification_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organizations" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "tier" "org_tier" NOT NULL DEFAULT 'FREE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "membership_role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "membership_role" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_by_id" TEXT,
    "revoked_at" TIMESTAMPTZ(3),
    "invited_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "created_by_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "projects" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "environment" "project_environment" NOT NULL,
    "description" TEXT,
    "connector" JSONB NOT NULL DEFAULT '{}',
    "connector_secret_headers" TEXT,
    "allow_local_targets" BOOLEAN NOT NULL DEFAULT false,
    "tool_domains" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "internal_host_suffixes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sinkhole" BOOLEAN NOT NULL DEFAULT false,
    "config_version" INTEGER NOT NULL DEFAULT 1,
    "retention_days" INTEGER NOT NULL DEFAULT 30,
    "prod_override_confirmed_at" TIMESTAMPTZ(3),
    "prod_override_confirmed_by_id" TEXT,
    "last_heartbeat_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sidecar_tokens" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sidecar_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "custom_scenarios" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "scenario_key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "archived_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "custom_scenarios_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "runs" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "status" "run_status" NOT NULL DEFAULT 'QUEUED',
    "stop_reason" "stop_reason",
    "stop_requested_at" TIMESTAMPTZ(3),
    "selection" JSONB NOT NULL,
    "plan" JSONB,
    "intensity" "run_intensity" NOT NULL DEFAULT 'MEDIUM',
    "budget" JSONB,
    "max_turns" INTEGER,
    "max_agent_calls" INTEGER,
    "max_judge_tokens" BIGINT,
    "max_cost_micros" BIGINT,
    "max_runtime_seconds" INTEGER,
    "max_events" INTEGER,
    "turns_total" INTEGER NOT NULL DEFAULT 0,
    "turns_done" INTEGER NOT NULL DEFAULT 0,
    "turns_passed" INTEGER NOT NULL DEFAULT 0,
    "turns_failed" INTEGER NOT NULL DEFAULT 0,
    "turns_inconclusive" INTEGER NOT NULL DEFAULT 0,
    "agent_calls" INTEGER NOT NULL DEFAULT 0,
    "judge_tokens" BIGINT NOT NULL DEFAULT 0,
    "estimated_cost_micros" BIGINT NOT NULL DEFAULT 0,
    "event_seq" BIGINT NOT NULL DEFAULT 0,
    "evidence_seq" INTEGER NOT NULL DEFAULT 0,
    "evidence_head_hash" TEXT,
    "risk_score" DECIMAL(3,1),
    "scores" JSONB,
    "prod_override_confirmed_at" TIMESTAMPTZ(3),
    "worker_id" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_by_api_key_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run_aborts" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "reason" "stop_reason" NOT NULL,
    "actor_type" "actor_type" NOT NULL,
    "actor_id" TEXT,
    "detail" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "run_aborts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run_turns" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "scenario_key" TEXT NOT NULL,
    "scenario_version" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "turn_index" INTEGER NOT NULL,
    "variant" TEXT,
    "message" TEXT NOT NULL,
    "reply" TEXT,
    "tool_calls" JSONB,
    "verdict" "verdict",
    "detector" TEXT,
    "confidence" DOUBLE PRECISION,
    "evidence_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "latency_ms" INTEGER,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "run_turns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
-- Hand-edited: PARTITION BY RANGE ("ts"), one partition per UTC day (events_pYYYYMMDD), created
-- ahead by the application (packages/db/src/partitions.ts). No DEFAULT partition on purpose: a
-- row for a day without a partition must fail loudly, not land where retention cannot drop it.
CREATE TABLE "events" (
    "id" BIGSERIAL NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "org_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "run_id" TEXT,
    "turn_id" TEXT,
    "seq" BIGINT,
    "client_event_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id","ts")
) PARTITION BY RANGE ("ts");

-- CreateTable
CREATE TABLE "evidence_items" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "turn_id" TEXT,
    "seq" INTEGER NOT NULL,
    "kind" "evidence_kind" NOT NULL,
    "payload" JSONB NOT NULL,
    "prev_hash" TEXT,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "findings" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "scenario_key" TEXT NOT NULL,
    "scenario_version" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "severity" "severity" NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "risk_score" DECIMAL(3,1),
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "status" "finding_status" NOT NULL DEFAULT 'OPEN',
    "assignee_id" TEXT,
    "triage_note" TEXT,
    "triaged_at" TIMESTAMPTZ(3),
    "triaged_by_id" TEXT,
    "evidence_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "evidence_hash" TEXT,
    "remediation" JSONB,
    "mappings" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "findings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_steps" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "refs" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "story_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "format" "report_format" NOT NULL,
    "content" TEXT,
    "storage_key" TEXT,
    "size_bytes" INTEGER NOT NULL,
    "head_hash" TEXT,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log_entries" (
    "id" TEXT NOT NULL,
    "org_id" TEXT,
    "seq" BIGINT NOT NULL,
    "actor_type" "actor_type" NOT NULL,
    "actor_user_id" TEXT,
    "actor_api_key_id" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,
    "request_id" TEXT,
    "params_hash" TEXT,
    "params_preview" TEXT,
    "prev_hash" TEXT,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_checkpoints" (
    "id" TEXT NOT NULL,
    "org_id" TEXT,
    "upto_seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quota_policies" (
    "id" TEXT NOT NULL,
    "tier" "org_tier",
    "org_id" TEXT,
    "projects_per_org" INTEGER,
    "runs_per_project_per_day" INTEGER,
    "runs_per_org_per_day" INTEGER,
    "runs_per_org_per_month" INTEGER,
    "concurrent_runs" INTEGER,
    "events_per_run" INTEGER,
    "stored_bytes" BIGINT,
    "turns_per_run" INTEGER,
    "runtime_seconds_per_run" INTEGER,
    "agent_calls_per_run" INTEGER,
    "judge_tokens_per_run" BIGINT,
    "cost_micros_per_run" BIGINT,
    "cost_micros_per_day" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "quota_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_events" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "project_id" TEXT,
    "run_id" TEXT,
    "kind" "usage_kind" NOT NULL,
    "quantity" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_daily_rollups" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "project_id" TEXT,
    "day" DATE NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "turns" INTEGER NOT NULL DEFAULT 0,
    "agent_calls" INTEGER NOT NULL DEFAULT 0,
    "events" BIGINT NOT NULL DEFAULT 0,
    "stored_bytes" BIGINT NOT NULL DEFAULT 0,
    "judge_tokens" BIGINT NOT NULL DEFAULT 0,
    "cost_micros" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_daily_rollups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_provider_provider_account_id_key" ON "accounts"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "allowlist_entries_value_key" ON "allowlist_entries"("value");

-- CreateIndex
CREATE UNIQUE INDEX "email_verification_tokens_token_hash_key" ON "email_verification_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "email_verification_tokens_user_id_idx" ON "email_verification_tokens"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");

-- CreateIndex
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

-- CreateIndex
CREATE INDEX "memberships_org_id_role_idx" ON "memberships"("org_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_org_id_user_id_key" ON "memberships"("org_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");

-- CreateIndex
CREATE INDEX "invitations_org_id_id_idx" ON "invitations"("org_id", "id");

-- CreateIndex
CREATE INDEX "invitations_org_id_email_idx" ON "invitations"("org_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");

-- CreateIndex
CREATE INDEX "api_keys_org_id_id_idx" ON "api_keys"("org_id", "id");

-- CreateIndex
CREATE INDEX "api_keys_created_by_id_idx" ON "api_keys"("created_by_id");

-- CreateIndex
CREATE INDEX "projects_org_id_id_idx" ON "projects"("org_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "projects_id_org_id_key" ON "projects"("id", "org_id");

-- CreateIndex
CREATE UNIQUE INDEX "sidecar_tokens_prefix_key" ON "sidecar_tokens"("prefix");

-- CreateIndex
CREATE INDEX "sidecar_tokens_project_id_id_idx" ON "sidecar_tokens"("project_id", "id");

-- CreateIndex
CREATE INDEX "sidecar_tokens_org_id_id_idx" ON "sidecar_tokens"("org_id", "id");

-- CreateIndex
CREATE INDEX "custom_scenarios_org_id_id_idx" ON "custom_scenarios"("org_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "custom_scenarios_org_id_scenario_key_version_key" ON "custom_scenarios"("org_id", "scenario_key", "version");

-- CreateIndex
CREATE INDEX "runs_org_id_id_idx" ON "runs"("org_id", "id");

-- CreateIndex
CREATE INDEX "runs_project_id_id_idx" ON "runs"("project_id", "id");

-- CreateIndex
CREATE INDEX "runs_project_id_status_idx" ON "runs"("project_id", "status");

-- CreateIndex
CREATE INDEX "runs_org_id_status_idx" ON "runs"("org_id", "status");

-- CreateIndex
CREATE INDEX "runs_status_heartbeat_at_idx" ON "runs"("status", "heartbeat_at");

-- CreateIndex
CREATE INDEX "runs_org_id_created_at_idx" ON "runs"("org_id", "created_at");

-- CreateIndex
CREATE INDEX "runs_project_id_created_at_idx" ON "runs"("project_id", "created_at");

-- CreateIndex
CREATE INDEX "runs_created_by_id_idx" ON "runs"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "runs_id_org_id_key" ON "runs"("id", "org_id");

-- CreateIndex
CREATE INDEX "run_aborts_run_id_created_at_idx" ON "run_aborts"("run_id", "created_at");

-- CreateIndex
CREATE INDEX "run_aborts_org_id_created_at_idx" ON "run_aborts"("org_id", "created_at");

-- CreateIndex
CREATE INDEX "run_turns_org_id_id_idx" ON "run_turns"("org_id", "id");

-- CreateIndex
CREATE INDEX "run_turns_run_id_started_at_idx" ON "run_turns"("run_id", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "run_turns_run_id_scenario_key_turn_index_key" ON "run_turns"("run_id", "scenario_key", "turn_index");

-- CreateIndex
CREATE INDEX "events_project_id_ts_id_idx" ON "events"("project_id", "ts", "id");

-- CreateIndex
CREATE INDEX "events_run_id_seq_idx" ON "events"("run_id", "seq");

-- CreateIndex
CREATE INDEX "events_org_id_ts_idx" ON "events"("org_id", "ts");

-- CreateIndex
CREATE UNIQUE INDEX "events_project_id_client_event_id_ts_key" ON "events"("project_id", "client_event_id", "ts");

-- CreateIndex
CREATE INDEX "evidence_items_turn_id_idx" ON "evidence_items"("turn_id");

-- CreateIndex
CREATE INDEX "evidence_items_org_id_idx" ON "evidence_items"("org_id");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_items_run_id_seq_key" ON "evidence_items"("run_id", "seq");

-- CreateIndex
CREATE INDEX "findings_project_id_fingerprint_idx" ON "findings"("project_id", "fingerprint");

-- CreateIndex
CREATE INDEX "findings_project_id_status_idx" ON "findings"("project_id", "status");

-- CreateIndex
CREATE INDEX "findings_project_id_id_idx" ON "findings"("project_id", "id");

-- CreateIndex
CREATE INDEX "findings_org_id_id_idx" ON "findings"("org_id", "id");

-- CreateIndex
CREATE INDEX "findings_assignee_id_idx" ON "findings"("assignee_id");

-- CreateIndex
CREATE UNIQUE INDEX "findings_run_id_fingerprint_key" ON "findings"("run_id", "fingerprint");

-- CreateIndex
CREATE INDEX "story_steps_org_id_idx" ON "story_steps"("org_id");

-- CreateIndex
CREATE UNIQUE INDEX "story_steps_run_id_seq_key" ON "story_steps"("run_id", "seq");

-- CreateIndex
CREATE INDEX "reports_run_id_format_created_at_idx" ON "reports"("run_id", "format", "created_at");

-- CreateIndex
CREATE INDEX "reports_org_id_created_at_idx" ON "reports"("org_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_entries_org_id_action_seq_idx" ON "audit_log_entries"("org_id", "action", "seq");

-- CreateIndex
CREATE INDEX "audit_log_entries_org_id_actor_user_id_seq_idx" ON "audit_log_entries"("org_id", "actor_user_id", "seq");

-- CreateIndex
CREATE INDEX "audit_log_entries_org_id_target_type_target_id_idx" ON "audit_log_entries"("org_id", "target_type", "target_id");

-- CreateIndex
CREATE INDEX "audit_log_entries_org_id_created_at_idx" ON "audit_log_entries"("org_id", "created_at");

-- CreateIndex
-- Hand-edited: NULLS NOT DISTINCT (PostgreSQL 15+), so the null-org / null-project row is unique too.
CREATE UNIQUE INDEX "audit_log_entries_org_id_seq_key" ON "audit_log_entries"("org_id", "seq") NULLS NOT DISTINCT;

-- CreateIndex
-- Hand-edited: NULLS NOT DISTINCT (PostgreSQL 15+), so the null-org / null-project row is unique too.
CREATE UNIQUE INDEX "audit_checkpoints_org_id_upto_seq_key" ON "audit_checkpoints"("org_id", "upto_seq") NULLS NOT DISTINCT;

-- CreateIndex
CREATE UNIQUE INDEX "quota_policies_tier_key" ON "quota_policies"("tier");

-- CreateIndex
CREATE UNIQUE INDEX "quota_policies_org_id_key" ON "quota_policies"("org_id");

-- CreateIndex
CREATE INDEX "usage_events_org_id_at_idx" ON "usage_events"("org_id", "at");

-- CreateIndex
CREATE INDEX "usage_events_run_id_idx" ON "usage_events"("run_id");

-- CreateIndex
CREATE INDEX "usage_daily_rollups_org_id_day_idx" ON "usage_daily_rollups"("org_id", "day");

-- CreateIndex
-- Hand-edited: NULLS NOT DISTINCT (PostgreSQL 15+), so the null-org / null-project row is unique too.
CREATE UNIQUE INDEX "usage_daily_rollups_org_id_project_id_day_key" ON "usage_daily_rollups"("org_id", "project_id", "day") NULLS NOT DISTINCT;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allowlist_entries" ADD CONSTRAINT "allowlist_entries_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_verification_tokens" ADD CONSTRAINT "email_verification_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_id_fkey" FOREIGN KEY ("accepted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_prod_override_confirmed_by_id_fkey" FOREIGN KEY ("prod_override_confirmed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sidecar_tokens" ADD CONSTRAINT "sidecar_tokens_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sidecar_tokens" ADD CONSTRAINT "sidecar_tokens_project_id_org_id_fkey" FOREIGN KEY ("project_id", "org_id") REFERENCES "projects"("id", "org_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sidecar_tokens" ADD CONSTRAINT "sidecar_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "custom_scenarios" ADD CONSTRAINT "custom_scenarios_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "custom_scenarios" ADD CONSTRAINT "custom_scenarios_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_project_id_org_id_fkey" FOREIGN KEY ("project_id", "org_id") REFERENCES "projects"("id", "org_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_created_by_api_key_id_fkey" FOREIGN KEY ("created_by_api_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_aborts" ADD CONSTRAINT "run_aborts_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_aborts" ADD CONSTRAINT "run_aborts_run_id_org_id_fkey" FOREIGN KEY ("run_id", "org_id") REFERENCES "runs"("id", "org_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_turns" ADD CONSTRAINT "run_turns_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_turns" ADD CONSTRAINT "run_turns_run_id_org_id_fkey" FOREIGN KEY ("run_id", "org_id") REFERENCES "runs"("id", "org_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_project_id_org_id_fkey" FOREIGN KEY ("project_id", "org_id") REFERENCES "projects"("id", "org_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_run_id_org_id_fkey" FOREIGN KEY ("run_id", "org_id") REFERENCES "runs"("id", "org_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_run_id_org_id_fkey" FOREIGN KEY ("run_id", "org_id") REFERENCES "runs"("id", "org_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_turn_id_fkey" FOREIGN KEY ("turn_id") REFERENCES "run_turns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_project_id_org_id_fkey" FOREIGN KEY ("project_id", "org_id") REFERENCES "projects"("id", "org_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_run_id_org_id_fkey" FOREIGN KEY ("run_id", "org_id") REFERENCES "runs"("id", "org_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_triaged_by_id_fkey" FOREIGN KEY ("triaged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_steps" ADD CONSTRAINT "story_steps_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_steps" ADD CONSTRAINT "story_steps_run_id_org_id_fkey" FOREIGN KEY ("run_id", "org_id") REFERENCES "runs"("id", "org_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_run_id_org_id_fkey" FOREIGN KEY ("run_id", "org_id") REFERENCES "runs"("id", "org_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log_entries" ADD CONSTRAINT "audit_log_entries_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_checkpoints" ADD CONSTRAINT "audit_checkpoints_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota_policies" ADD CONSTRAINT "quota_policies_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_daily_rollups" ADD CONSTRAINT "usage_daily_rollups_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- -------------------------------------------------------------------------------------------
-- Hand-written from here on: triggers, which Prisma cannot express and its diff does not compare.
-- -------------------------------------------------------------------------------------------

-- Append-only guards for the audit chain and the evidence chains (issues 3, 5 and 6).
-- UPDATE is always refused: nothing legitimate rewrites a chain link. DELETE and TRUNCATE pass
-- only in a transaction that opted in with SET LOCAL <setting> = 'on' (the trigger argument
-- names the setting): retention behind a sealed checkpoint, or deleting a whole run, project or
-- organization. This stops bugs and accidents. A deliberate tamperer who can SET the setting is
-- caught by verifying the hash chains instead.
--
-- The body is an E'' string whose statement terminators are written \073: migrations are applied
-- through @prisma/adapter-pg, whose executeScript splits the file on every semicolon, quoted or
-- not (see prisma/orm#27510). For the same reason no comment in a migration may contain one.
CREATE FUNCTION "bulwark_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP IN (''DELETE'', ''TRUNCATE'') AND coalesce(current_setting(TG_ARGV[0], true), '''') = ''on'' THEN
    RETURN OLD\073
  END IF\073
  RAISE EXCEPTION ''append-only: % on "%" is not allowed'', TG_OP, TG_TABLE_NAME
    USING HINT = CASE WHEN TG_OP = ''UPDATE'' THEN ''rows of this table are never updated''
                      ELSE ''a deliberate delete runs with SET LOCAL '' || TG_ARGV[0] || '' = on'' END\073
END
';

CREATE TRIGGER "audit_log_entries_append_only" BEFORE UPDATE OR DELETE ON "audit_log_entries"
  FOR EACH ROW EXECUTE FUNCTION "bulwark_append_only"('bulwark.audit_retention');
CREATE TRIGGER "audit_log_entries_no_truncate" BEFORE TRUNCATE ON "audit_log_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "bulwark_append_only"('bulwark.audit_retention');

CREATE TRIGGER "audit_checkpoints_append_only" BEFORE UPDATE OR DELETE ON "audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION "bulwark_append_only"('bulwark.audit_retention');
CREATE TRIGGER "audit_checkpoints_no_truncate" BEFORE TRUNCATE ON "audit_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION "bulwark_append_only"('bulwark.audit_retention');

CREATE TRIGGER "evidence_items_append_only" BEFORE UPDATE OR DELETE ON "evidence_items"
  FOR EACH ROW EXECUTE FUNCTION "bulwark_append_only"('bulwark.evidence_retention');
CREATE TRIGGER "evidence_items_no_truncate" BEFORE TRUNCATE ON "evidence_items"
  FOR EACH STATEMENT EXECUTE FUNCTION "bulwark_append_only"('bulwark.evidence_retention');
