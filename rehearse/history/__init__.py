"""The take history: the SQLite store with its migrations and crash-safe saving, and how
takes move over time."""
