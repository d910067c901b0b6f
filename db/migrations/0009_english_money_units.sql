-- English money units as people write them ("CNY 100 million", not "100m yuan"); only rows still holding the old wording.
UPDATE `units` SET `symbol_en` = 'CNY 100 million' WHERE `code` = 'yi_yuan' AND `symbol_en` = '100m yuan';--> statement-breakpoint
UPDATE `units` SET `symbol_en` = 'CNY 10,000' WHERE `code` = 'wan_yuan' AND `symbol_en` = '10k yuan';
