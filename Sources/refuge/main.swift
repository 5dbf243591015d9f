import RefugeApp
