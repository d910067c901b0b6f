CREATE TABLE `progress_totals` (
	`campaign_id` integer NOT NULL,
	`district_id` integer NOT NULL,
	`sector_id` integer NOT NULL,
	`is_key` integer NOT NULL,
	`month` text NOT NULL,
	`investment` integer NOT NULL,
	`rows` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `month`, `district_id`, `sector_id`, `is_key`)
);
--> statement-breakpoint
-- Kept exact by the database itself: every change to a project's monthly progress, and every
-- change to the project attributes the totals are grouped by, moves the amounts.
CREATE TRIGGER `progress_totals_progress_ai` AFTER INSERT ON `project_progress` BEGIN
	INSERT INTO `progress_totals` (`campaign_id`, `district_id`, `sector_id`, `is_key`, `month`, `investment`, `rows`)
	SELECT p.`campaign_id`, p.`district_id`, coalesce(p.`sector_id`, 0), p.`is_key`, NEW.`month`, NEW.`investment`, 1 FROM `projects` p WHERE p.`id` = NEW.`project_id`
	ON CONFLICT (`campaign_id`, `month`, `district_id`, `sector_id`, `is_key`) DO UPDATE SET `investment` = `investment` + excluded.`investment`, `rows` = `rows` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `progress_totals_progress_ad` AFTER DELETE ON `project_progress` BEGIN
	UPDATE `progress_totals` SET `investment` = `investment` - OLD.`investment`, `rows` = `rows` - 1
	WHERE (`campaign_id`, `month`, `district_id`, `sector_id`, `is_key`) = (SELECT p.`campaign_id`, OLD.`month`, p.`district_id`, coalesce(p.`sector_id`, 0), p.`is_key` FROM `projects` p WHERE p.`id` = OLD.`project_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `progress_totals_progress_au` AFTER UPDATE OF `project_id`, `month`, `investment` ON `project_progress` BEGIN
	UPDATE `progress_totals` SET `investment` = `investment` - OLD.`investment`, `rows` = `rows` - 1
	WHERE (`campaign_id`, `month`, `district_id`, `sector_id`, `is_key`) = (SELECT p.`campaign_id`, OLD.`month`, p.`district_id`, coalesce(p.`sector_id`, 0), p.`is_key` FROM `projects` p WHERE p.`id` = OLD.`project_id`);
	INSERT INTO `progress_totals` (`campaign_id`, `district_id`, `sector_id`, `is_key`, `month`, `investment`, `rows`)
	SELECT p.`campaign_id`, p.`district_id`, coalesce(p.`sector_id`, 0), p.`is_key`, NEW.`month`, NEW.`investment`, 1 FROM `projects` p WHERE p.`id` = NEW.`project_id`
	ON CONFLICT (`campaign_id`, `month`, `district_id`, `sector_id`, `is_key`) DO UPDATE SET `investment` = `investment` + excluded.`investment`, `rows` = `rows` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `progress_totals_project_au` AFTER UPDATE OF `campaign_id`, `district_id`, `sector_id`, `is_key` ON `projects`
WHEN OLD.`campaign_id` IS NOT NEW.`campaign_id` OR OLD.`district_id` IS NOT NEW.`district_id` OR coalesce(OLD.`sector_id`, 0) IS NOT coalesce(NEW.`sector_id`, 0) OR OLD.`is_key` IS NOT NEW.`is_key`
BEGIN
	UPDATE `progress_totals` SET
		`investment` = `investment` - (SELECT coalesce(sum(g.`investment`), 0) FROM `project_progress` g WHERE g.`project_id` = OLD.`id` AND g.`month` = `progress_totals`.`month`),
		`rows` = `rows` - (SELECT count(*) FROM `project_progress` g WHERE g.`project_id` = OLD.`id` AND g.`month` = `progress_totals`.`month`)
	WHERE `campaign_id` = OLD.`campaign_id` AND `district_id` = OLD.`district_id` AND `sector_id` = coalesce(OLD.`sector_id`, 0) AND `is_key` = OLD.`is_key`
		AND `month` IN (SELECT g.`month` FROM `project_progress` g WHERE g.`project_id` = OLD.`id`);
	INSERT INTO `progress_totals` (`campaign_id`, `district_id`, `sector_id`, `is_key`, `month`, `investment`, `rows`)
	SELECT NEW.`campaign_id`, NEW.`district_id`, coalesce(NEW.`sector_id`, 0), NEW.`is_key`, g.`month`, g.`investment`, 1 FROM `project_progress` g WHERE g.`project_id` = NEW.`id`
	ON CONFLICT (`campaign_id`, `month`, `district_id`, `sector_id`, `is_key`) DO UPDATE SET `investment` = `investment` + excluded.`investment`, `rows` = `rows` + 1;
END;
--> statement-breakpoint
INSERT INTO `progress_totals` (`campaign_id`, `district_id`, `sector_id`, `is_key`, `month`, `investment`, `rows`)
SELECT p.`campaign_id`, p.`district_id`, coalesce(p.`sector_id`, 0), p.`is_key`, g.`month`, sum(g.`investment`), count(*)
FROM `project_progress` g JOIN `projects` p ON p.`id` = g.`project_id`
GROUP BY p.`campaign_id`, g.`month`, p.`district_id`, coalesce(p.`sector_id`, 0), p.`is_key`;
