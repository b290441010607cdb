// The result as the JavaScript layer reads it out of the wasm heap: numbers in one uint32 array
// and the strings they name in one UTF-8 text, offsets already UTF-16. wasm/index.mjs builds
// the result objects from it directly: no JSON text is written here or parsed in JavaScript.
// compact.cc gives the layout; index.mjs's decode() reads it.
#ifndef PRESSLENS_COMPACT_H_
#define PRESSLENS_COMPACT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/presslens.h"

namespace presslens {

struct CompactResult {
  static constexpr uint32_t kNone = 0xFFFFFFFF;   // an absent string, entity or quote
  static constexpr uint32_t kMagic = 0x33434C50;  // "PLC3": the first word, the layout's version
  std::vector<uint32_t> words;
  std::vector<uint32_t> lengths;  // UTF-16 length of each string, in order
  std::string strings;            // the strings, one after another, as valid UTF-8
};

// Fills `out` (its buffers are reused) with `r`, whose offsets are bytes of `text`.
void ToCompact(const Result& r, std::string_view text, CompactResult* out);

}  // namespace presslens

#endif  // PRESSLENS_COMPACT_H_
