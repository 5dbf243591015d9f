// ScreenKit: see docs/architecture.md.
