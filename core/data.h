// Data files from data/, compiled into the library by scripts/embed-data.mjs.
#ifndef PRESSLENS_DATA_H_
#define PRESSLENS_DATA_H_

#include <cstring>
#include <string_view>
#include <vector>

namespace presslens {

// The bytes of the data file registered under `name` in CMakeLists.txt, or an empty view.
std::string_view EmbeddedData(std::string_view name);

// The lines of a text data file, trimmed, without blank lines and `#` comment lines.
std::vector<std::string_view> DataLines(std::string_view name);

// Calls f(line) for each line DataLines(name) returns, in order, without building the vector
// (the gazetteers are read at every cold start).
template <typename F>
void ForEachDataLine(std::string_view name, F&& f) {
  const std::string_view data = EmbeddedData(name);
  const char* p = data.data();
  const char* const end = p + data.size();
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    const char* b = p;
    const char* e = nl ? nl : end;
    p = nl ? nl + 1 : end;
    while (e > b && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t')) --e;
    while (b < e && (*b == ' ' || *b == '\t')) ++b;
    if (b < e && *b != '#') f(std::string_view(b, static_cast<size_t>(e - b)));
  }
}

// Calls f(word) for each space- or tab-separated word of a data line (a plain loop:
// find_first_of calls memchr once per byte).
template <typename F>
void ForEachWord(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) f(s.substr(i, j - i));
    i = j;
  }
}

}  // namespace presslens

#endif  // PRESSLENS_DATA_H_
