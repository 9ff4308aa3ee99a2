#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU; its headers would pull the system ICU into a
   module graph that also holds Foundation's own ICU. Disable the ICU part. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

/* xmlFree is a mutable C global (a function pointer); Swift 6 cannot read it. */
static inline void clibxml2_free(void *p) { xmlFree(p); }

/* Some libxml2 messages bypass the structured error handler and go to the
   per-thread "generic" handler, a C variadic function that Swift cannot
   implement. This relay formats such a message and hands the text to a
   plain callback. Install it per thread with xmlSetGenericErrorFunc(relay,
   clibxml2_generic_error_relay). */
#include <stdarg.h>
#include <stdio.h>
typedef struct {
    void (*sink)(void *context, const char *message);
    void *context;
} clibxml2_message_relay;

static inline void clibxml2_generic_error_relay(void *relay, const char *format, ...) {
    char buffer[1024];
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(buffer, sizeof buffer, format, arguments);
    va_end(arguments);
    clibxml2_message_relay *target = (clibxml2_message_relay *)relay;
    if (target != NULL && target->sink != NULL) target->sink(target->context, buffer);
}

static inline void clibxml2_set_generic_error_relay(clibxml2_message_relay *relay) {
    xmlSetGenericErrorFunc(relay, relay != NULL ? clibxml2_generic_error_relay : NULL);
}
#endif
