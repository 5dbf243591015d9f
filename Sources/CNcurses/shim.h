// The ncursesw API as Swift can import it.
//
// pkg-config's -D_XOPEN_SOURCE flags are dropped by SwiftPM, so the wide-character API is turned on
// here, before any system header. Function-like macros and C globals cannot be imported into Swift
// 6 (macros are invisible, globals are not concurrency-safe); each gets a small inline accessor.
#ifndef REFUGE_CNCURSES_SHIM_H
#define REFUGE_CNCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <stdio.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/curses.h>

// Glibc's Swift overlay does not export wcwidth.
extern int wcwidth(wchar_t);

static inline WINDOW *cn_stdscr(void) { return stdscr; }
/// Starts curses on the process's own terminal; NULL (instead of exiting, as initscr does) on failure.
static inline SCREEN *cn_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int cn_colors(void) { return COLORS; }

static inline attr_t cn_attr_normal(void) { return A_NORMAL; }
static inline attr_t cn_attr_bold(void) { return A_BOLD; }
static inline attr_t cn_attr_reverse(void) { return A_REVERSE; }
static inline attr_t cn_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_attr_dim(void) { return A_DIM; }

static inline int cn_key_f(int n) { return KEY_F(n); }

/// Writes `count` wide characters at (y, x) with the given attributes and colour pair.
static inline int cn_put_wide(int y, int x, const wchar_t *text, int count, attr_t attrs, short pair) {
    cchar_t cell;
    wchar_t buffer[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) buffer[i] = text[i];
    buffer[n] = L'\0';
    if (setcchar(&cell, buffer, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/// Disables core dumps and, on Linux, makes the process undumpable (no core even where the limit
/// is ignored, no ptrace or /proc/PID/mem by the same user), as ssh-agent does: a core would hold
/// keys, passphrases and decrypted case data. prctl is variadic, which Swift cannot call.
static inline int cn_disable_core_dumps(void) {
    struct rlimit none = {0, 0};
    int result = setrlimit(RLIMIT_CORE, &none);
#ifdef __linux__
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) result = -1;
#endif
    return result;
}

// Restoring the terminal when a signal ends the process. Only async-signal-safe calls happen in
// the handler: write(2) of a prepared byte string, tcsetattr, then the default action re-raised.
// State lives in function-local statics: Swift's importer does not emit a header's file-scope
// static variables.
/// Bracketed paste off, cursor shown, attributes reset: sent before leaving the alternate screen.
#define CN_RESTORE_PREFIX "\033[?2004l\033[?25h\033[0m"

typedef struct {
    struct termios shell_mode;
    int shell_mode_saved;
    char exit_sequence[256];
    size_t exit_sequence_length;
} cn_restore_state;

static inline cn_restore_state *cn_restore(void) {
    static cn_restore_state state = {.exit_sequence = CN_RESTORE_PREFIX "\033[?1049l"};
    return &state;
}

static void cn_restore_and_reraise(int sig) {
    cn_restore_state *state = cn_restore();
    if (state->exit_sequence_length > 0) { ssize_t ignored = write(STDOUT_FILENO, state->exit_sequence, state->exit_sequence_length); (void)ignored; }
    if (state->shell_mode_saved) tcsetattr(STDIN_FILENO, TCSANOW, &state->shell_mode);
    signal(sig, SIG_DFL);
    raise(sig);
}

/// Saves the shell's terminal mode and installs handlers for SIGTERM, SIGHUP and SIGINT. Call
/// before curses starts, so that curses does not install its own.
static inline void cn_install_restore_handlers(void) {
    cn_restore_state *state = cn_restore();
    state->shell_mode_saved = tcgetattr(STDIN_FILENO, &state->shell_mode) == 0;
    state->exit_sequence_length = strlen(state->exit_sequence);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cn_restore_and_reraise;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    // A parent may have blocked these (test runners do); a blocked signal would never restore.
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTERM);
    sigaddset(&unblock, SIGHUP);
    sigaddset(&unblock, SIGINT);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
}

/// Takes the terminal's own "leave alternate screen" string (rmcup) for the signal path.
static inline void cn_remember_exit_sequence(void) {
    const char *rmcup = tigetstr("rmcup");
    const char *prefix = CN_RESTORE_PREFIX;
    if (rmcup == NULL || rmcup == (char *)-1) return;
    cn_restore_state *state = cn_restore();
    if (strlen(prefix) + strlen(rmcup) + 1 > sizeof state->exit_sequence) return;
    strcpy(state->exit_sequence, prefix);
    strcat(state->exit_sequence, rmcup);
    state->exit_sequence_length = strlen(state->exit_sequence);
}

/// Puts the default signal actions back once curses has been ended normally.
static inline void cn_remove_restore_handlers(void) {
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGINT, SIG_DFL);
}

/// Writes raw bytes to the terminal (bracketed-paste switches, which curses does not know).
static inline void cn_write_raw(const char *text) {
    fflush(stdout);
    ssize_t ignored = write(STDOUT_FILENO, text, strlen(text));
    (void)ignored;
}

#endif
