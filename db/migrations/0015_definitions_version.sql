-- The definitions version (issue #17): a token in app_meta that changes with every change to what
-- pages and saves read as definitions — the campaigns, the districts, the actions, the indicators,
-- the units and the settings kept in app_meta. db/definitions.ts keeps those reads per token, so a
-- month save no longer reads them again; any write, from any code path or any app instance on the
-- same database, gives a new token and the next read loads them afresh. A random token rather than
-- a counter: a database restored from a backup never brings back a token that meant other contents.
INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `definitions_campaigns_ai` AFTER INSERT ON `campaigns` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_campaigns_au` AFTER UPDATE ON `campaigns` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_campaigns_ad` AFTER DELETE ON `campaigns` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_districts_ai` AFTER INSERT ON `districts` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_districts_au` AFTER UPDATE ON `districts` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_districts_ad` AFTER DELETE ON `districts` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_actions_ai` AFTER INSERT ON `actions` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_actions_au` AFTER UPDATE ON `actions` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_actions_ad` AFTER DELETE ON `actions` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_indicators_ai` AFTER INSERT ON `indicators` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_indicators_au` AFTER UPDATE ON `indicators` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_indicators_ad` AFTER DELETE ON `indicators` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_units_ai` AFTER INSERT ON `units` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_units_au` AFTER UPDATE ON `units` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_units_ad` AFTER DELETE ON `units` BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_app_meta_ai` AFTER INSERT ON `app_meta` WHEN NEW.`key` NOT IN ('data_version', 'definitions_version') BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_app_meta_au` AFTER UPDATE ON `app_meta` WHEN NEW.`key` NOT IN ('data_version', 'definitions_version') BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `definitions_app_meta_ad` AFTER DELETE ON `app_meta` WHEN OLD.`key` NOT IN ('data_version', 'definitions_version') BEGIN
	INSERT INTO `app_meta` (`key`, `value`) VALUES ('definitions_version', lower(hex(randomblob(8)))) ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
