-- Host schema, version 2, SQLite dialect. The lease a host takes on an instance's credential row
-- while it redeems the refresh token (InstanceDirectory::redeemRefreshToken, since ABI 1.1): who
-- holds it ("host:pid:uuid") and until when (milliseconds since 1970-01-01 UTC, real time). Taken
-- by a conditional UPDATE, renewed while the token request runs, cleared when the rotated token
-- is stored; a lease not renewed past its time is free again (its holder died). NULL = free.

ALTER TABLE microsoft_instances ADD COLUMN token_lease_holder TEXT;
ALTER TABLE microsoft_instances ADD COLUMN token_lease_until_ms INTEGER;
