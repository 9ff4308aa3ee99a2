#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
// zlib (Debian zlib1g-dev), used only by WellbeingExport's ZIP writer for the workbook.
#include <zlib.h>
#endif
