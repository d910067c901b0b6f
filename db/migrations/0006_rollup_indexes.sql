CREATE INDEX `problems_type_resolved_idx` ON `problems` (`type`,`status`,`resolved_on`);--> statement-breakpoint
CREATE INDEX `projects_campaign_start_idx` ON `projects` (`campaign_id`,`actual_start_on`);--> statement-breakpoint
CREATE INDEX `projects_campaign_completion_idx` ON `projects` (`campaign_id`,`actual_completion_on`);--> statement-breakpoint
CREATE INDEX `signings_campaign_signed_idx` ON `signings` (`campaign_id`,`signed_on`);--> statement-breakpoint
CREATE INDEX `signings_campaign_landed_idx` ON `signings` (`campaign_id`,`landed_on`);