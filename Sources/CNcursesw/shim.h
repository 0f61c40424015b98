// Wide-character ncurses for Swift. The defines must come before the include, or cchar_t,
// setcchar, wadd_wch and wget_wch stay invisible. Macros Swift cannot import are wrapped below.
#ifndef AITUTOR_CNCURSESW_SHIM_H
#define AITUTOR_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <ncursesw/ncurses.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

static inline attr_t aitutor_attr_bold(void) { return A_BOLD; }
static inline attr_t aitutor_attr_dim(void) { return A_DIM; }
static inline attr_t aitutor_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t aitutor_attr_reverse(void) { return A_REVERSE; }
static inline attr_t aitutor_attr_italic(void) {
#ifdef A_ITALIC
    return A_ITALIC;
#else
    return A_NORMAL;
#endif
}
static inline attr_t aitutor_attr_normal(void) { return A_NORMAL; }
static inline int aitutor_key_f(int n) { return KEY_F(n); }
static inline WINDOW *aitutor_stdscr(void) { return stdscr; }
static inline int aitutor_colors(void) { return COLORS; }
static inline int aitutor_color_pairs(void) { return COLOR_PAIRS; }

/// Writes one cell: a base character plus up to four combining marks, with attributes and a pair.
static inline int aitutor_put_cell(int y, int x, const wchar_t *chars, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, (short)pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/* Signals that end the tutor: recorded here, read by the input loop, which then restores the
   terminal and exits. Installed without SA_RESTART so a blocked read returns at once. */
static volatile sig_atomic_t aitutor_stop_signal = 0;
static void aitutor_on_signal(int sig) { aitutor_stop_signal = sig; }
static inline void aitutor_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = aitutor_on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
}
static inline int aitutor_pending_signal(void) { return (int)aitutor_stop_signal; }

/* The codeset of the current locale, e.g. "UTF-8". */
static inline const char *aitutor_codeset(void) { return nl_langinfo(CODESET); }

#endif
