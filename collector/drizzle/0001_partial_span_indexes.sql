DROP INDEX `spans_tool_start`;--> statement-breakpoint
DROP INDEX `spans_model_call_start`;--> statement-breakpoint
CREATE INDEX `spans_cache_start` ON `spans` (`start_ms`) WHERE cache_hit is not null;--> statement-breakpoint
CREATE INDEX `spans_model_call_start` ON `spans` (`start_ms`) WHERE is_model_call = 1;