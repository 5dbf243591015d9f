// RefugeApp: see docs/architecture.md.
