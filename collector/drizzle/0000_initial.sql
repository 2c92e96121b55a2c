CREATE TABLE `resources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hash` text NOT NULL,
	`attributes` text NOT NULL,
	`dropped_attributes_count` integer DEFAULT 0 NOT NULL,
	`schema_url` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `resources_hash_unique` ON `resources` (`hash`);--> statement-breakpoint
CREATE TABLE `scopes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hash` text NOT NULL,
	`name` text NOT NULL,
	`version` text,
	`attributes` text NOT NULL,
	`dropped_attributes_count` integer DEFAULT 0 NOT NULL,
	`schema_url` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scopes_hash_unique` ON `scopes` (`hash`);--> statement-breakpoint
CREATE TABLE `spans` (
	`trace_id` text NOT NULL,
	`span_id` text NOT NULL,
	`parent_span_id` text,
	`trace_state` text,
	`flags` integer,
	`name` text NOT NULL,
	`kind` integer NOT NULL,
	`start_time_unix_nano` text NOT NULL,
	`end_time_unix_nano` text NOT NULL,
	`start_ms` real NOT NULL,
	`end_ms` real NOT NULL,
	`duration_ms` real NOT NULL,
	`status_code` integer NOT NULL,
	`status_message` text NOT NULL,
	`attributes` text NOT NULL,
	`events` text NOT NULL,
	`links` text NOT NULL,
	`dropped_attributes_count` integer NOT NULL,
	`dropped_events_count` integer NOT NULL,
	`dropped_links_count` integer NOT NULL,
	`resource_id` integer NOT NULL,
	`scope_id` integer NOT NULL,
	`received_ms` real NOT NULL,
	`service` text,
	`operation` text,
	`provider` text,
	`model` text,
	`agent` text,
	`tool_name` text,
	`input_tokens` integer,
	`output_tokens` integer,
	`cached_input_tokens` integer,
	`cache_creation_input_tokens` integer,
	`cost_usd` real,
	`is_model_call` integer NOT NULL,
	`cache_hit` text,
	`saved_ms` real,
	`route_model` text,
	`route_rule` text,
	`error_type` text,
	`simulated` integer NOT NULL,
	PRIMARY KEY(`trace_id`, `span_id`)
);
--> statement-breakpoint
CREATE INDEX `spans_model_call_start` ON `spans` (`is_model_call`,`start_ms`);--> statement-breakpoint
CREATE INDEX `spans_tool_start` ON `spans` (`tool_name`,`start_ms`);--> statement-breakpoint
CREATE TABLE `traces` (
	`trace_id` text PRIMARY KEY NOT NULL,
	`root_span_id` text,
	`name` text NOT NULL,
	`name_start_ms` real NOT NULL,
	`service` text,
	`agent` text,
	`agent_start_ms` real,
	`start_ms` real NOT NULL,
	`end_ms` real NOT NULL,
	`duration_ms` real NOT NULL,
	`root_end_ms` real,
	`span_count` integer NOT NULL,
	`error_count` integer NOT NULL,
	`input_tokens` integer NOT NULL,
	`output_tokens` integer NOT NULL,
	`cached_input_tokens` integer NOT NULL,
	`total_tokens` integer NOT NULL,
	`cost_usd` real NOT NULL,
	`model_calls` integer NOT NULL,
	`tool_calls` integer NOT NULL,
	`models` text NOT NULL,
	`simulated` integer NOT NULL,
	`attributes` text NOT NULL,
	`search_text` text NOT NULL,
	`updated_ms` real NOT NULL
);
--> statement-breakpoint
CREATE INDEX `traces_start` ON `traces` (`start_ms`);--> statement-breakpoint
CREATE INDEX `traces_end` ON `traces` (`end_ms`);--> statement-breakpoint
CREATE INDEX `traces_service_start` ON `traces` (`service`,`start_ms`);--> statement-breakpoint
CREATE INDEX `traces_agent_start` ON `traces` (`agent`,`start_ms`);