CREATE TABLE `corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`report_id` integer NOT NULL,
	`district_id` integer NOT NULL,
	`month` text NOT NULL,
	`subject` text NOT NULL,
	`indicator_id` integer,
	`project_id` integer,
	`old_value` integer,
	`old_numerator` integer,
	`old_denominator` integer,
	`new_value` integer,
	`new_numerator` integer,
	`new_denominator` integer,
	`reason` text NOT NULL,
	`reopened_by` integer,
	`reopened_at` text NOT NULL,
	`approved_by` integer,
	`approved_at` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `monthly_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reopened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `corrections_campaign_idx` ON `corrections` (`campaign_id`,`month`,`district_id`);--> statement-breakpoint
CREATE INDEX `corrections_indicator_idx` ON `corrections` (`indicator_id`);--> statement-breakpoint
CREATE INDEX `corrections_project_idx` ON `corrections` (`project_id`);--> statement-breakpoint
CREATE TABLE `plausibility_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`district_id` integer NOT NULL,
	`month` text NOT NULL,
	`subject` text NOT NULL,
	`indicator_id` integer,
	`project_id` integer,
	`rule` text NOT NULL,
	`message` text NOT NULL,
	`note` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`resolved_at` text,
	`resolved_by` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plausibility_flags_subject_ck" CHECK(("plausibility_flags"."subject" = 'figure' and "plausibility_flags"."indicator_id" is not null) or ("plausibility_flags"."subject" = 'project' and "plausibility_flags"."project_id" is not null))
);
--> statement-breakpoint
CREATE INDEX `plausibility_flags_month_idx` ON `plausibility_flags` (`campaign_id`,`month`,`district_id`);--> statement-breakpoint
CREATE TABLE `report_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`by_user_id` integer,
	`data` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `monthly_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_snapshots_report_idx` ON `report_snapshots` (`report_id`,`id`);--> statement-breakpoint
ALTER TABLE `figure_values` ADD `no_data` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `official` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `restating` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `reopen_reason` text;--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `reopened_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `reopened_at` text;--> statement-breakpoint
ALTER TABLE `progress_totals` ADD `approved_investment` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `project_progress` ADD `approved_investment` integer;--> statement-breakpoint
-- Existing approved months are official; their published copies are the values as they stand.
UPDATE `monthly_reports` SET `official` = 1 WHERE `status` = 'approved';
--> statement-breakpoint
UPDATE `figure_values` SET `approved_value` = `value`, `approved_numerator` = `numerator`, `approved_denominator` = `denominator`
WHERE `report_id` IN (SELECT `id` FROM `monthly_reports` WHERE `status` = 'approved');
--> statement-breakpoint
UPDATE `project_progress` SET `approved_investment` = `investment`
WHERE EXISTS (SELECT 1 FROM `projects` p JOIN `periods` pe ON pe.`campaign_id` = p.`campaign_id` AND pe.`month` = `project_progress`.`month`
  JOIN `monthly_reports` r ON r.`period_id` = pe.`id` AND r.`district_id` = p.`district_id` AND r.`status` = 'approved'
  WHERE p.`id` = `project_progress`.`project_id`);
--> statement-breakpoint
DROP TRIGGER `progress_totals_progress_ai`;
--> statement-breakpoint
DROP TRIGGER `progress_totals_progress_ad`;
--> statement-breakpoint
DROP TRIGGER `progress_totals_progress_au`;
--> statement-breakpoint
DROP TRIGGER `progress_totals_project_au`;
--> statement-breakpoint
-- The same triggers as 0005, now also keeping the sum of the approved (published) amounts.
CREATE TRIGGER `progress_totals_progress_ai` AFTER INSERT ON `project_progress` BEGIN
	INSERT INTO `progress_totals` (`campaign_id`, `district_id`, `sector_id`, `is_key`, `month`, `investment`, `approved_investment`, `rows`)
	SELECT p.`campaign_id`, p.`district_id`, coalesce(p.`sector_id`, 0), p.`is_key`, NEW.`month`, NEW.`investment`, coalesce(NEW.`approved_investment`, 0), 1 FROM `projects` p WHERE p.`id` = NEW.`project_id`
	ON CONFLICT (`campaign_id`, `month`, `district_id`, `sector_id`, `is_key`) DO UPDATE SET `investment` = `investment` + excluded.`investment`, `approved_investment` = `approved_investment` + excluded.`approved_investment`, `rows` = `rows` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `progress_totals_progress_ad` AFTER DELETE ON `project_progress` BEGIN
	UPDATE `progress_totals` SET `investment` = `investment` - OLD.`investment`, `approved_investment` = `approved_investment` - coalesce(OLD.`approved_investment`, 0), `rows` = `rows` - 1
	WHERE (`campaign_id`, `month`, `district_id`, `sector_id`, `is_key`) = (SELECT p.`campaign_id`, OLD.`month`, p.`district_id`, coalesce(p.`sector_id`, 0), p.`is_key` FROM `projects` p WHERE p.`id` = OLD.`project_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `progress_totals_progress_au` AFTER UPDATE OF `project_id`, `month`, `investment`, `approved_investment` ON `project_progress` BEGIN
	UPDATE `progress_totals` SET `investment` = `investment` - OLD.`investment`, `approved_investment` = `approved_investment` - coalesce(OLD.`approved_investment`, 0), `rows` = `rows` - 1
	WHERE (`campaign_id`, `month`, `district_id`, `sector_id`, `is_key`) = (SELECT p.`campaign_id`, OLD.`month`, p.`district_id`, coalesce(p.`sector_id`, 0), p.`is_key` FROM `projects` p WHERE p.`id` = OLD.`project_id`);
	INSERT INTO `progress_totals` (`campaign_id`, `district_id`, `sector_id`, `is_key`, `month`, `investment`, `approved_investment`, `rows`)
	SELECT p.`campaign_id`, p.`district_id`, coalesce(p.`sector_id`, 0), p.`is_key`, NEW.`month`, NEW.`investment`, coalesce(NEW.`approved_investment`, 0), 1 FROM `projects` p WHERE p.`id` = NEW.`project_id`
	ON CONFLICT (`campaign_id`, `month`, `district_id`, `sector_id`, `is_key`) DO UPDATE SET `investment` = `investment` + excluded.`investment`, `approved_investment` = `approved_investment` + excluded.`approved_investment`, `rows` = `rows` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `progress_totals_project_au` AFTER UPDATE OF `campaign_id`, `district_id`, `sector_id`, `is_key` ON `projects`
WHEN OLD.`campaign_id` IS NOT NEW.`campaign_id` OR OLD.`district_id` IS NOT NEW.`district_id` OR coalesce(OLD.`sector_id`, 0) IS NOT coalesce(NEW.`sector_id`, 0) OR OLD.`is_key` IS NOT NEW.`is_key`
BEGIN
	UPDATE `progress_totals` SET
		`investment` = `investment` - (SELECT coalesce(sum(g.`investment`), 0) FROM `project_progress` g WHERE g.`project_id` = OLD.`id` AND g.`month` = `progress_totals`.`month`),
		`approved_investment` = `approved_investment` - (SELECT coalesce(sum(g.`approved_investment`), 0) FROM `project_progress` g WHERE g.`project_id` = OLD.`id` AND g.`month` = `progress_totals`.`month`),
		`rows` = `rows` - (SELECT count(*) FROM `project_progress` g WHERE g.`project_id` = OLD.`id` AND g.`month` = `progress_totals`.`month`)
	WHERE `campaign_id` = OLD.`campaign_id` AND `district_id` = OLD.`district_id` AND `sector_id` = coalesce(OLD.`sector_id`, 0) AND `is_key` = OLD.`is_key`
		AND `month` IN (SELECT g.`month` FROM `project_progress` g WHERE g.`project_id` = OLD.`id`);
	INSERT INTO `progress_totals` (`campaign_id`, `district_id`, `sector_id`, `is_key`, `month`, `investment`, `approved_investment`, `rows`)
	SELECT NEW.`campaign_id`, NEW.`district_id`, coalesce(NEW.`sector_id`, 0), NEW.`is_key`, g.`month`, g.`investment`, coalesce(g.`approved_investment`, 0), 1 FROM `project_progress` g WHERE g.`project_id` = NEW.`id`
	ON CONFLICT (`campaign_id`, `month`, `district_id`, `sector_id`, `is_key`) DO UPDATE SET `investment` = `investment` + excluded.`investment`, `approved_investment` = `approved_investment` + excluded.`approved_investment`, `rows` = `rows` + 1;
END;
--> statement-breakpoint
UPDATE `progress_totals` SET `approved_investment` = (SELECT coalesce(sum(g.`approved_investment`), 0) FROM `project_progress` g JOIN `projects` p ON p.`id` = g.`project_id`
  WHERE p.`campaign_id` = `progress_totals`.`campaign_id` AND g.`month` = `progress_totals`.`month` AND p.`district_id` = `progress_totals`.`district_id`
    AND coalesce(p.`sector_id`, 0) = `progress_totals`.`sector_id` AND p.`is_key` = `progress_totals`.`is_key`);
