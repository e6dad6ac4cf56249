-- What a notice was computed from, in full: the income as recorded (before annualisation and revaluation), its
-- year, and the revaluation coefficient (basis_income keeps the yearly base the formula was applied to).
ALTER TABLE contribution_quarter ADD COLUMN basis_reference_income NUMERIC(14,2);
ALTER TABLE contribution_quarter ADD COLUMN basis_income_year INTEGER;
ALTER TABLE contribution_quarter ADD COLUMN basis_coefficient NUMERIC(12,8);
