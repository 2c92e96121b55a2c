ALTER TABLE `traces` ADD `cancelled_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `traces` ADD `fell_back_count` integer DEFAULT 0 NOT NULL;