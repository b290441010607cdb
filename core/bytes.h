// Byte helpers every stage shares, syntax included: equality of short byte runs and the
// FNV-1a hash the word tables are keyed by. Depends on nothing but the standard library.
#ifndef PRESSLENS_BYTES_H_
#define PRESSLENS_BYTES_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace presslens {

// The n bytes at a and b are equal. Words are short: two overlapping loads of 4 or 8 bytes
// compare most of them without a loop over their bytes, and read nothing outside them.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  if (n >= 8) {
    uint64_t x, y;
    for (size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&x, a + i, 8);
      std::memcpy(&y, b + i, 8);
      if (x != y) return false;
    }
    std::memcpy(&x, a + n - 8, 8);
    std::memcpy(&y, b + n - 8, 8);
    return x == y;
  }
  if (n >= 4) {
    uint32_t x0, y0, x1, y1;
    std::memcpy(&x0, a, 4);
    std::memcpy(&y0, b, 4);
    std::memcpy(&x1, a + n - 4, 4);
    std::memcpy(&y1, b + n - 4, 4);
    return ((x0 ^ y0) | (x1 ^ y1)) == 0;
  }
  if (n == 0) return true;
  return a[0] == b[0] && a[n - 1] == b[n - 1] && a[n >> 1] == b[n >> 1];
}

struct FoldTable {
  unsigned char to_lower[256];
  constexpr FoldTable() : to_lower() {
    for (int c = 0; c < 256; ++c)
      to_lower[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
};
inline constexpr FoldTable kFold{};

// FNV-1a over bytes, streaming: Hash(Hash(kHashSeed, "ab"), "c") == Hash(kHashSeed, "abc").
constexpr uint64_t kHashSeed = 14695981039346656037ull;
constexpr uint64_t kHashPrime = 1099511628211ull;
inline uint64_t Hash(uint64_t h, std::string_view s, bool fold = false) {
  for (unsigned char c : s) {
    if (fold) c = kFold.to_lower[c];
    h = (h ^ c) * kHashPrime;
  }
  return h;
}
// Hash(*exact, s) and Hash(*folded, s, true) in one pass over the bytes.
inline void Hash2(uint64_t* exact, uint64_t* folded, std::string_view s) {
  uint64_t e = *exact, f = *folded;
  for (unsigned char c : s) {
    e = (e ^ c) * kHashPrime;
    f = (f ^ kFold.to_lower[c]) * kHashPrime;
  }
  *exact = e;
  *folded = f;
}

}  // namespace presslens

#endif  // PRESSLENS_BYTES_H_
