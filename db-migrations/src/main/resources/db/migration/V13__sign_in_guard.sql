-- Sign-in that resists guessing (issue #16). Failed sign-ins are counted per account from one
-- address, per account and per address, on the database clock, so every node sees the same
-- counts (SignInGuard); a row is blocked until blocked_until. Not tenant data: no row-level security.
CREATE TABLE sign_in_throttle (
    throttle_key    TEXT        PRIMARY KEY CHECK (length(throttle_key) <= 400),
    failures        INTEGER     NOT NULL CHECK (failures > 0),
    last_failure_at TIMESTAMPTZ NOT NULL,
    blocked_until   TIMESTAMPTZ
);

-- "Sign out everywhere": a console session that began before this instant is refused.
ALTER TABLE app_user ADD COLUMN sessions_valid_after TIMESTAMPTZ;
