// The PLOVER reading of a CAMEO code, from data/plover.tsv (compiled into the core).
#ifndef PRESSLENS_PLOVER_H_
#define PRESSLENS_PLOVER_H_

#include <string_view>

#include "presslens/presslens.h"

namespace presslens {

// The reading of `cameo` ("111" -> {"ACCUSE", "disapprove"}); an empty event when the table
// has no row for it.
Plover PloverReading(std::string_view cameo);

}  // namespace presslens

#endif  // PRESSLENS_PLOVER_H_
