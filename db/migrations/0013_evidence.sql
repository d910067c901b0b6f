CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`district_id` integer NOT NULL,
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
	FOREIGN KEY (`file_sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`thumb_sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attachments_kind_ck" CHECK("attachments"."kind" in ('photo','document')),
	CONSTRAINT "attachments_gps_ck" CHECK(("attachments"."gps_latitude" is null) = ("attachments"."gps_longitude" is null))
);
--> statement-breakpoint
CREATE INDEX `attachments_subject_idx` ON `attachments` (`subject`,`subject_id`,`month`);--> statement-breakpoint
CREATE INDEX `attachments_campaign_month_idx` ON `attachments` (`campaign_id`,`district_id`,`month`);--> statement-breakpoint
CREATE INDEX `attachments_phash_idx` ON `attachments` (`campaign_id`,`phash`);--> statement-breakpoint
CREATE TABLE `blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`mime` text NOT NULL,
	`byte_size` integer NOT NULL,
	`content` blob NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
