ALTER TABLE "traces" ADD COLUMN "cancelled_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "traces" ADD COLUMN "fell_back_count" bigint DEFAULT 0 NOT NULL;