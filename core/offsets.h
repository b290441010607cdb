// UTF-8 byte offsets -> UTF-16 code-unit offsets (JavaScript string indices).
#ifndef PRESSLENS_OFFSETS_H_
#define PRESSLENS_OFFSETS_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace presslens {

// Converts every byte offset in `offsets` (any order, each <= text.size()) to the UTF-16 index
// of the same position, in one pass over the text. A 4-byte sequence counts 2 units, any other
// valid sequence 1, and each byte of an invalid sequence 1 (as U+FFFD). An offset inside a
// sequence maps to the index of that sequence's start.
void Utf8ToUtf16Offsets(std::string_view text, std::vector<uint32_t>* offsets);

// True when every byte of `text` is ASCII: then a byte offset is already the UTF-16 index.
bool IsAscii(std::string_view text);

// Length in bytes of the valid UTF-8 sequence starting at text[i], or 0 if it is invalid.
int Utf8SequenceLength(std::string_view text, size_t i);

}  // namespace presslens

#endif  // PRESSLENS_OFFSETS_H_
