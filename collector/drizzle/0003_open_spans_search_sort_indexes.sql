DROP INDEX `traces_start`;--> statement-breakpoint
ALTER TABLE `traces` ADD `open_spans` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `traces` ADD `tags` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `traces_duration` ON `traces` (`duration_ms`,`trace_id`);--> statement-breakpoint
CREATE INDEX `traces_tokens` ON `traces` (`total_tokens`,`trace_id`);--> statement-breakpoint
CREATE INDEX `traces_cost` ON `traces` (`cost_usd`,`trace_id`);--> statement-breakpoint
CREATE INDEX `traces_start` ON `traces` (`start_ms`,`trace_id`);--> statement-breakpoint
ALTER TABLE `spans` ADD `open` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `spans_span_id` ON `spans` (`span_id`);