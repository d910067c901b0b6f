-- Project and park site locations (WGS 84 degrees), for evidence checks and the map.
ALTER TABLE `parks` ADD `longitude` real;--> statement-breakpoint
ALTER TABLE `parks` ADD `latitude` real;--> statement-breakpoint
ALTER TABLE `projects` ADD `longitude` real;--> statement-breakpoint
ALTER TABLE `projects` ADD `latitude` real;