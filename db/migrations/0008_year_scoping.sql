ALTER TABLE `periods` ADD `historical` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `periods` ADD `historical_reason` text;--> statement-breakpoint
ALTER TABLE `problems` ADD `campaign_id` integer REFERENCES campaigns(id);--> statement-breakpoint
ALTER TABLE `problems` ADD `origin_problem_id` integer REFERENCES problems(id);--> statement-breakpoint
CREATE INDEX `problems_campaign_district_idx` ON `problems` (`campaign_id`,`district_id`);--> statement-breakpoint
ALTER TABLE `projects` ADD `key_level` text DEFAULT 'city' NOT NULL;--> statement-breakpoint
-- Existing rows: a problem belongs to its project's campaign year.
UPDATE `problems` SET `campaign_id` = (SELECT `p`.`campaign_id` FROM `projects` `p` WHERE `p`.`id` = `problems`.`project_id`) WHERE `campaign_id` IS NULL;--> statement-breakpoint
-- Any insert that leaves the campaign out (older code paths, scripts) still lands in its project's year.
CREATE TRIGGER `problems_campaign_fill_ai` AFTER INSERT ON `problems` WHEN NEW.`campaign_id` IS NULL BEGIN
  UPDATE `problems` SET `campaign_id` = (SELECT `p`.`campaign_id` FROM `projects` `p` WHERE `p`.`id` = NEW.`project_id`) WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
-- Projects that were not on the key list were "一般"; key ones stay 市重点 (the default).
UPDATE `projects` SET `key_level` = 'general' WHERE `is_key` = 0;
