"""Step 8 (issue 6): public interest tests, s.36 opinions and QA samples.

Frozen: this is the SQL as the step shipped. Never edit it; change the schema in a new step.
"""

DDL: tuple[str, ...] = (
    """CREATE TABLE public_interest_tests (
    id INTEGER NOT NULL,
    code TEXT NOT NULL,
    factors_for TEXT NOT NULL,
    factors_against TEXT NOT NULL,
    conclusion TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_public_interest_tests_code ON public_interest_tests (code, id)",
    """CREATE TABLE qualified_person_opinions (
    id INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    opinion_date TEXT NOT NULL,
    opinion TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_qualified_person_opinions_code ON qualified_person_opinions (code, id)",
    """CREATE TABLE qa_samples (
    id INTEGER NOT NULL,
    proposer TEXT NOT NULL,
    percent INTEGER NOT NULL,
    seed INTEGER NOT NULL,
    population TEXT NOT NULL,
    sample TEXT NOT NULL,
    drawn_by TEXT NOT NULL,
    drawn_at TEXT NOT NULL,
    outcome TEXT,
    closed_by TEXT,
    closed_at TEXT,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_qa_samples_proposer ON qa_samples (proposer, id)",
)
