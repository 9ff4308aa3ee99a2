#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU; its headers would pull the system ICU into a
   module graph that also holds Foundation's own ICU. Disable the ICU part. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

/* xmlFree is a mutable C global (a function pointer); Swift 6 cannot read it. */
static inline void clibxml2_free(void *p) { xmlFree(p); }
#endif
