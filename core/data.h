// Data files from data/, compiled into the library by scripts/embed-data.mjs.
#ifndef PRESSLENS_DATA_H_
#define PRESSLENS_DATA_H_

#include <string_view>
#include <vector>

namespace presslens {

// The bytes of the data file registered under `name` in CMakeLists.txt, or an empty view.
std::string_view EmbeddedData(std::string_view name);

// The lines of a text data file, trimmed, without blank lines and `#` comment lines.
std::vector<std::string_view> DataLines(std::string_view name);

}  // namespace presslens

#endif  // PRESSLENS_DATA_H_
