-- District boundaries for the map: one row per district, loaded in set-up from a GeoJSON FeatureCollection.
CREATE TABLE `district_boundaries` (
	`district_id` integer PRIMARY KEY NOT NULL,
	`coordinates` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
