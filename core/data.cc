#include "data.h"

namespace presslens {

std::vector<std::string_view> DataLines(std::string_view name) {
  std::vector<std::string_view> lines;
  ForEachDataLine(name, [&](std::string_view line) { lines.push_back(line); });
  return lines;
}

}  // namespace presslens
