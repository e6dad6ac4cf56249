-- One database per service: each service owns its data (docker-compose; ./caisse up does the same itself).
CREATE DATABASE affiliation;
CREATE DATABASE contribution;
CREATE DATABASE benefits;
CREATE DATABASE recovery;
