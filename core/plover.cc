#include "plover.h"

#include <string>
#include <unordered_map>

#include "data.h"

namespace presslens {
namespace {

// data/plover.tsv: CAMEO code, event, optional mode, tab-separated.
const std::unordered_map<std::string, Plover>& Table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, Plover>();
    ForEachDataLine("plover", [t](std::string_view line) {
      std::string_view cols[3];
      size_t n = 0;
      ForEachWord(line, [&](std::string_view w) {
        if (n < 3) cols[n++] = w;
      });
      if (n >= 2) (*t)[std::string(cols[0])] = {std::string(cols[1]), std::string(cols[2])};
    });
    return t;
  }();
  return *table;
}

}  // namespace

Plover PloverReading(std::string_view cameo) {
  const auto& t = Table();
  const auto it = t.find(std::string(cameo));
  return it == t.end() ? Plover() : it->second;
}

}  // namespace presslens
