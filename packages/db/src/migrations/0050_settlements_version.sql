-- The account's cache version (0049) now also moves with its settlement amounts: the profit report reads
-- them (fees, refunds and reimbursements Amazon settled) beside the ledger, catalogue, locations and fee
-- tables the version already covers, and is cached by it (docs/decisions.md 30). A settlement is booked
-- by an import, never on the order path, so its statements taking the account's row cost nothing there.
CREATE TRIGGER settlement_amounts_planning_version AFTER TRUNCATE ON settlement_amounts
  FOR EACH STATEMENT EXECUTE FUNCTION bump_planning_version();
CREATE TRIGGER settlement_amounts_planning_version_ins AFTER INSERT ON settlement_amounts
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_account_planning_versions();
CREATE TRIGGER settlement_amounts_planning_version_upd AFTER UPDATE ON settlement_amounts
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_account_planning_versions();
CREATE TRIGGER settlement_amounts_planning_version_del AFTER DELETE ON settlement_amounts
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_account_planning_versions();
