-- Art. 11 of the Charter: after a reminder and one month without an answer, the fund decides on what it has.
ALTER TABLE information_request ADD COLUMN reminded_on DATE;
