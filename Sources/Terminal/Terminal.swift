// Terminal: see docs/architecture.md.
