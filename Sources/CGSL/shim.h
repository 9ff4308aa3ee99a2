#ifndef CGSL_SHIM_H
#define CGSL_SHIM_H
#include <gsl/gsl_cdf.h>
#endif
