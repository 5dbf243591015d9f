import CNcurses

/// Keeps secrets out of core files: every entry point of Refuge calls this before it reads a
/// passphrase or a key (the command line in `RefugeCommand.runAndExit`, the screen in
/// `CursesTerminal`). It lives here because the C shim that can call prctl does.
public enum CoreDumps {
    /// Sets RLIMIT_CORE to 0 and PR_SET_DUMPABLE to 0; false if either failed.
    @discardableResult
    public static func forbid() -> Bool { cn_disable_core_dumps() == 0 }
}
