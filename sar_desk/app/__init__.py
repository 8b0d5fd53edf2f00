"""The composition root shared by the command line and the window: `CaseSession` and its jobs."""
