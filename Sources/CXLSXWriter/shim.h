#ifndef CXLSXWRITER_SHIM_H
#define CXLSXWRITER_SHIM_H
// libxlsxwriter (Debian libxlsxwriter-dev), used only by WellbeingExport's workbook writer.
#include <xlsxwriter.h>
#endif
