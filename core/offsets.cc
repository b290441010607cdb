#include "offsets.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace presslens {

bool IsAscii(std::string_view text) {
  unsigned char any = 0;
  for (char c : text) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

int Utf8SequenceLength(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    unsigned char c1 = b(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    unsigned char c1 = b(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}

namespace {

// The multi-byte sequences of a text, in order, with the bytes-minus-units before each.
struct Sequence {
  uint32_t start, end, extra_before;
};

// Finds the text's multi-byte sequences; false when there are more than `limit`.
bool FindSequences(std::string_view text, size_t limit, std::vector<Sequence>* out) {
  uint32_t extra = 0;
  for (size_t i = 0; i < text.size();) {
    uint64_t eight;  // ASCII is skipped eight bytes at a time
    if (i + 8 <= text.size() && (std::memcpy(&eight, text.data() + i, 8), (eight & 0x8080808080808080ull) == 0)) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const int len = Utf8SequenceLength(text, i);
    if (len == 0) {  // an invalid byte: one unit, like an ASCII byte
      ++i;
      continue;
    }
    if (out->size() == limit) return false;
    out->push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + len), extra});
    extra += len == 4 ? 2 : len - 1;
    i += len;
  }
  return true;
}

}  // namespace

void Utf8ToUtf16Offsets(std::string_view text, std::vector<uint32_t>* offsets) {
  std::vector<uint32_t>& v = *offsets;
  // Mostly-ASCII text (English news: curly quotes, dashes, a few accented names) has few
  // multi-byte sequences: each offset is found among them by binary search.
  std::vector<Sequence> seqs;
  if (FindSequences(text, v.size() + 4096, &seqs)) {
    for (uint32_t& b : v) {
      auto after = std::upper_bound(seqs.begin(), seqs.end(), b,
                                    [](uint32_t x, const Sequence& s) { return x <= s.start; });
      if (after == seqs.begin()) continue;  // no sequence before b: b is already the index
      const Sequence& s = *(after - 1);     // the last sequence starting before b
      const uint32_t len = s.end - s.start;
      b = b < s.end ? s.start - s.extra_before
                    : b - s.extra_before - (len == 4 ? 2 : len - 1);
    }
    return;
  }
  // Otherwise the offsets are visited in order, in one pass over the text.
  std::vector<uint32_t> order(v.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return v[a] < v[b]; });
  size_t byte = 0;
  uint32_t unit = 0;
  for (uint32_t idx : order) {
    const uint32_t target = v[idx];
    while (byte < text.size()) {
      int len = static_cast<unsigned char>(text[byte]) < 0x80 ? 1 : Utf8SequenceLength(text, byte);
      if (len == 0) len = 1;
      if (byte + len > target) break;
      byte += len;
      unit += len == 4 ? 2 : 1;
    }
    v[idx] = unit;
  }
}

}  // namespace presslens
