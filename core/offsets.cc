#include "offsets.h"

#include <algorithm>
#include <numeric>

namespace presslens {

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

void Utf8ToUtf16Offsets(std::string_view text, std::vector<uint32_t>* offsets) {
  std::vector<uint32_t>& v = *offsets;
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
