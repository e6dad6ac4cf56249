-- Replaced by the shared known_affiliation projection (caisse-common, db/common V1_1).
DROP TABLE benefit_member;
