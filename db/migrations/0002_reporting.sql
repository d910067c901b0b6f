ALTER TABLE `figure_values` ADD `approved_value` integer;--> statement-breakpoint
ALTER TABLE `figure_values` ADD `approved_numerator` integer;--> statement-breakpoint
ALTER TABLE `figure_values` ADD `approved_denominator` integer;--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `parks` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `problems` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `projects` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `signings` ADD `updated_by` integer REFERENCES users(id);