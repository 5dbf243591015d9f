// CaseModel: see docs/architecture.md.
