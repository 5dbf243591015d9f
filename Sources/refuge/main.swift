import RefugeApp

RefugeCommand.runAndExit()
