// The ncursesw API as Swift can import it.
//
// pkg-config's -D_XOPEN_SOURCE flags are dropped by SwiftPM, so the wide-character API is turned on
// here, before any system header. Function-like macros and C globals cannot be imported into Swift
// 6 (macros are invisible, globals are not concurrency-safe); each gets a small inline accessor.
#ifndef REFUGE_CNCURSES_SHIM_H
#define REFUGE_CNCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <sys/resource.h>
#include <ncursesw/curses.h>

// Glibc's Swift overlay does not export wcwidth.
extern int wcwidth(wchar_t);

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
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

/// Disables core dumps: they would hold decrypted case data.
static inline int cn_disable_core_dumps(void) {
    struct rlimit none = {0, 0};
    return setrlimit(RLIMIT_CORE, &none);
}

#endif
