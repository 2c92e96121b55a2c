CREATE TABLE "resources" (
	"id" serial PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"attributes" text NOT NULL,
	"dropped_attributes_count" integer DEFAULT 0 NOT NULL,
	"schema_url" text,
	CONSTRAINT "resources_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "scopes" (
	"id" serial PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"name" text NOT NULL,
	"version" text,
	"attributes" text NOT NULL,
	"dropped_attributes_count" integer DEFAULT 0 NOT NULL,
	"schema_url" text,
	CONSTRAINT "scopes_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "spans" (
	"trace_id" text NOT NULL,
	"span_id" text NOT NULL,
	"parent_span_id" text,
	"trace_state" text,
	"flags" bigint,
	"name" text NOT NULL,
	"kind" integer NOT NULL,
	"start_time_unix_nano" text NOT NULL,
	"end_time_unix_nano" text NOT NULL,
	"start_ms" double precision NOT NULL,
	"end_ms" double precision NOT NULL,
	"duration_ms" double precision NOT NULL,
	"status_code" integer NOT NULL,
	"status_message" text NOT NULL,
	"attributes" text NOT NULL,
	"events" text NOT NULL,
	"links" text NOT NULL,
	"dropped_attributes_count" bigint NOT NULL,
	"dropped_events_count" bigint NOT NULL,
	"dropped_links_count" bigint NOT NULL,
	"resource_id" integer NOT NULL,
	"scope_id" integer NOT NULL,
	"received_ms" double precision NOT NULL,
	"service" text,
	"operation" text,
	"provider" text,
	"model" text,
	"agent" text,
	"tool_name" text,
	"input_tokens" bigint,
	"output_tokens" bigint,
	"cached_input_tokens" bigint,
	"cache_creation_input_tokens" bigint,
	"cost_usd" double precision,
	"is_model_call" integer NOT NULL,
	"cache_hit" text,
	"saved_ms" double precision,
	"route_model" text,
	"route_rule" text,
	"error_type" text,
	"simulated" integer NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "spans_trace_id_span_id_pk" PRIMARY KEY("trace_id","span_id")
);
--> statement-breakpoint
CREATE TABLE "traces" (
	"trace_id" text PRIMARY KEY NOT NULL,
	"root_span_id" text,
	"name" text NOT NULL,
	"name_start_ms" double precision NOT NULL,
	"service" text,
	"agent" text,
	"agent_start_ms" double precision,
	"start_ms" double precision NOT NULL,
	"end_ms" double precision NOT NULL,
	"duration_ms" double precision NOT NULL,
	"root_end_ms" double precision,
	"span_count" bigint NOT NULL,
	"error_count" bigint NOT NULL,
	"input_tokens" bigint NOT NULL,
	"output_tokens" bigint NOT NULL,
	"cached_input_tokens" bigint NOT NULL,
	"total_tokens" bigint NOT NULL,
	"cost_usd" double precision NOT NULL,
	"model_calls" bigint NOT NULL,
	"tool_calls" bigint NOT NULL,
	"models" text NOT NULL,
	"simulated" integer NOT NULL,
	"attributes" text NOT NULL,
	"search_text" text NOT NULL,
	"updated_ms" double precision NOT NULL,
	"open_spans" bigint DEFAULT 0 NOT NULL,
	"tags" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX "spans_span_id" ON "spans" USING btree ("span_id");--> statement-breakpoint
CREATE INDEX "spans_model_call_start" ON "spans" USING btree ("start_ms") WHERE is_model_call = 1;--> statement-breakpoint
CREATE INDEX "spans_cache_start" ON "spans" USING btree ("start_ms") WHERE cache_hit is not null;--> statement-breakpoint
CREATE INDEX "spans_routed_start" ON "spans" USING btree ("start_ms") WHERE route_model is not null;--> statement-breakpoint
CREATE INDEX "traces_start" ON "traces" USING btree ("start_ms","trace_id");--> statement-breakpoint
CREATE INDEX "traces_duration" ON "traces" USING btree ("duration_ms","trace_id");--> statement-breakpoint
CREATE INDEX "traces_tokens" ON "traces" USING btree ("total_tokens","trace_id");--> statement-breakpoint
CREATE INDEX "traces_cost" ON "traces" USING btree ("cost_usd","trace_id");--> statement-breakpoint
CREATE INDEX "traces_end" ON "traces" USING btree ("end_ms");--> statement-breakpoint
CREATE INDEX "traces_service_start" ON "traces" USING btree ("service","start_ms");--> statement-breakpoint
CREATE INDEX "traces_agent_start" ON "traces" USING btree ("agent","start_ms");