-- Attachments may belong to a department instead of a district (a department's order on an indicator has no district).
-- drizzle-kit recreates the table; the copy fills department_id of existing order files from their order,
-- and the new table keeps the old AUTOINCREMENT high-water mark (a deleted file's id, named in the audit log, is never reused).
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`district_id` integer,
	`department_id` integer,
	`subject` text NOT NULL,
	`subject_id` integer NOT NULL,
	`month` text,
	`kind` text NOT NULL,
	`caption` text DEFAULT '' NOT NULL,
	`original_name` text DEFAULT '' NOT NULL,
	`original_sha256` text NOT NULL,
	`file_sha256` text NOT NULL,
	`thumb_sha256` text,
	`mime` text NOT NULL,
	`byte_size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`taken_at` text,
	`gps_latitude` real,
	`gps_longitude` real,
	`phash` text,
	`is_public` integer DEFAULT false NOT NULL,
	`uploaded_by` integer,
	`uploaded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`thumb_sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attachments_kind_ck" CHECK("__new_attachments"."kind" in ('photo','document')),
	CONSTRAINT "attachments_owner_ck" CHECK("__new_attachments"."district_id" is not null or "__new_attachments"."department_id" is not null),
	CONSTRAINT "attachments_district_ck" CHECK("__new_attachments"."district_id" is not null or "__new_attachments"."subject" in ('order_answer','order_close')),
	CONSTRAINT "attachments_gps_ck" CHECK(("__new_attachments"."gps_latitude" is null) = ("__new_attachments"."gps_longitude" is null))
);
--> statement-breakpoint
INSERT INTO `__new_attachments`("id", "campaign_id", "district_id", "department_id", "subject", "subject_id", "month", "kind", "caption", "original_name", "original_sha256", "file_sha256", "thumb_sha256", "mime", "byte_size", "width", "height", "taken_at", "gps_latitude", "gps_longitude", "phash", "is_public", "uploaded_by", "uploaded_at", "updated_by", "version", "updated_at") SELECT "id", "campaign_id", "district_id", CASE WHEN "subject" IN ('order_answer', 'order_close') THEN (SELECT "department_id" FROM `supervision_orders` WHERE `supervision_orders`.`id` = `attachments`.`subject_id`) END, "subject", "subject_id", "month", "kind", "caption", "original_name", "original_sha256", "file_sha256", "thumb_sha256", "mime", "byte_size", "width", "height", "taken_at", "gps_latitude", "gps_longitude", "phash", "is_public", "uploaded_by", "uploaded_at", "updated_by", "version", "updated_at" FROM `attachments`;--> statement-breakpoint
DELETE FROM `sqlite_sequence` WHERE `name` = '__new_attachments';--> statement-breakpoint
INSERT INTO `sqlite_sequence` (`name`, `seq`) SELECT '__new_attachments', `seq` FROM `sqlite_sequence` WHERE `name` = 'attachments';--> statement-breakpoint
DROP TABLE `attachments`;--> statement-breakpoint
ALTER TABLE `__new_attachments` RENAME TO `attachments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `attachments_subject_idx` ON `attachments` (`subject`,`subject_id`,`month`);--> statement-breakpoint
CREATE INDEX `attachments_campaign_month_idx` ON `attachments` (`campaign_id`,`district_id`,`month`);--> statement-breakpoint
CREATE INDEX `attachments_phash_idx` ON `attachments` (`campaign_id`,`phash`);