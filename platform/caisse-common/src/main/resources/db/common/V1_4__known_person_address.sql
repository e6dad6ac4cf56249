-- Where and how a member's letters go, from the person events: the postal address and the channel she chose.
ALTER TABLE known_person ADD COLUMN address_line1 VARCHAR(200);
ALTER TABLE known_person ADD COLUMN address_line2 VARCHAR(200);
ALTER TABLE known_person ADD COLUMN country VARCHAR(2);
ALTER TABLE known_person ADD COLUMN delivery_channel VARCHAR(10);
