-- Characters each engine was sent and answered per UTC day, for daily budgets: counted when the engine answers,
-- so a batch that review then rejects still counts (it was paid for).
CREATE TABLE engine_usage (
    engine TEXT NOT NULL,
    day TEXT NOT NULL,
    chars BIGINT NOT NULL,
    PRIMARY KEY (engine, day)
);
