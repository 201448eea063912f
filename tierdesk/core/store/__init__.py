"""Storage: engine and sessions, opening (check, backup, migrate), migrations, the models,
the write gate and its journal, bulk writes and column passes."""
