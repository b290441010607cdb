// The last step of the pipeline: the public Result from the stages' records, with every code
// turned into its name (types.h). The document's records are moved out, not copied.
#ifndef PRESSLENS_RESULT_H_
#define PRESSLENS_RESULT_H_

#include "document.h"

namespace presslens {

Result BuildResult(Document* doc);

}  // namespace presslens

#endif  // PRESSLENS_RESULT_H_
