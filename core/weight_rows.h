// The row encoding the learned taggers' model files share (ner_model.cc, attribution_model.cc),
// its writer and its reader:
// for each hash bucket with a non-zero weight after scaling, the bucket's distance from the
// previous such bucket as a little-endian base-128 varint, then its `tags` weights as int8
// (round(weight * scale), clamped to [-127, 127]).
#ifndef PRESSLENS_WEIGHT_ROWS_H_
#define PRESSLENS_WEIGHT_ROWS_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace presslens {

// The learned taggers' feature hash: a template id and up to three values (already hashes) in
// 32 bits, to be masked to the model's bucket count. One 64-bit multiply-mix; (tmpl << 32 | a)
// * K1 is written as (tmpl * K1 << 32) + a * K1, the same number, so the template part is a
// constant and a value shared by several features of a token is multiplied once for all.
constexpr uint64_t kHashK1 = 0x9E3779B97F4A7C15ull, kHashK2 = 0xC2B2AE3D27D4EB4Full;
constexpr uint32_t HashFeature(uint32_t tmpl, uint32_t a, uint32_t b = 0, uint32_t c = 0) {
  uint64_t h = (static_cast<uint64_t>(tmpl) * kHashK1 << 32) + static_cast<uint64_t>(a) * kHashK1;
  h ^= static_cast<uint64_t>(b) * (kHashK2 << 32) + static_cast<uint64_t>(c) * kHashK2;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return static_cast<uint32_t>(h >> 32);
}

// Encodes `weights` (buckets × tags, bucket-major); `*count` is set to the rows written.
inline std::string EncodeWeightRows(const std::vector<float>& weights, uint32_t buckets, int tags,
                                    float scale, uint32_t* count) {
  std::string rows;
  std::vector<int8_t> q(static_cast<size_t>(tags));
  uint32_t last = 0;
  *count = 0;
  for (uint32_t bucket = 0; bucket < buckets; ++bucket) {
    bool any = false;
    for (int t = 0; t < tags; ++t) {
      const float v = std::round(weights[static_cast<size_t>(bucket) * tags + t] * scale);
      q[t] = static_cast<int8_t>(std::max(-127.f, std::min(127.f, v)));
      any = any || q[t] != 0;
    }
    if (!any) continue;
    uint32_t delta = bucket - last;
    last = bucket;
    do {
      const uint8_t c = delta & 0x7f;
      delta >>= 7;
      rows += static_cast<char>(delta ? c | 0x80 : c);
    } while (delta);
    rows.append(reinterpret_cast<const char*>(q.data()), static_cast<size_t>(tags));
    ++*count;
  }
  return rows;
}

// Decodes `rows` rows of EncodeWeightRows from [in, end) into a dense table: bucket b's weights
// at b * tags, each stored as weight + 128 (a bucket without a row holds 128s), followed by at
// least `padding` bytes of 128 (for loads that read past the last row). Returns nullptr when
// the data ends early or a bucket is out of range. This runs at every cold start: the table is
// written once, in bucket order, 16 bytes at a time between rows.
inline std::unique_ptr<uint8_t[]> DecodeWeightRows(const unsigned char* in, const unsigned char* end,
                                                   uint32_t rows, uint32_t buckets, int tags,
                                                   size_t padding) {
  constexpr uint8_t kBias = 128;
  const size_t size = static_cast<size_t>(buckets) * tags + std::max<size_t>(padding, 16);
  std::unique_ptr<uint8_t[]> w(new uint8_t[size]);
  uint8_t bias16[16];
  std::memset(bias16, kBias, sizeof bias16);
  size_t filled = 0;  // bytes [0, filled) are final
  uint32_t bucket = 0;
  for (uint32_t r = 0; r < rows; ++r) {
    uint32_t delta = 0;
    if (end - in > tags && !(*in & 0x80)) {
      delta = *in++;  // most rows are under 128 buckets apart
    } else {
      for (int shift = 0;; shift += 7) {
        if (in >= end || shift > 28) return nullptr;
        const unsigned char c = *in++;
        delta |= static_cast<uint32_t>(c & 0x7f) << shift;
        if (!(c & 0x80)) break;
      }
      if (end - in < tags) return nullptr;
    }
    bucket += delta;
    if (bucket >= buckets) return nullptr;
    const size_t at = static_cast<size_t>(bucket) * tags;
    // A 16-byte store may run into this row, written next, or past it into the next gap;
    // never past the padding (at + 15 < size).
    for (size_t q = filled; q < at; q += sizeof bias16) std::memcpy(&w[q], bias16, sizeof bias16);
    filled = at + tags;
    // The weights plus kBias: the sign bits flipped, eight bytes at a time.
    int t = 0;
    for (; t + 8 <= tags; t += 8) {
      uint64_t eight;
      std::memcpy(&eight, in + t, 8);
      eight ^= 0x8080808080808080ull;
      std::memcpy(&w[at + t], &eight, 8);
    }
    for (; t < tags; ++t) w[at + t] = static_cast<uint8_t>(in[t] ^ 0x80);
    in += tags;
  }
  if (filled < size) std::memset(&w[filled], kBias, size - filled);
  return w;
}

// Sums of weight rows stored as bytes plus a bias, 16 bytes a row, read as eight 16-bit lanes
// (little-endian) that hold two weights each: tag 2j in the low byte, tag 2j+1 in the high
// byte. Summing the lanes and their high bytes (a shift) gives both sums; the low bytes' sum is
// the difference (Low()). Two adds and a shift per row in SSE2 or wasm SIMD, no widening; no sum
// reaches 2^16 while at most 256 rows are added.
struct ByteLaneSums {
  typedef uint16_t Lanes __attribute__((vector_size(16)));
  Lanes all = {}, high = {};
  void Add(const uint8_t* row) {
    Lanes r;
    std::memcpy(&r, row, sizeof r);
    all += r;
    high += r >> 8;
  }
  void Add(const ByteLaneSums& o) {
    all += o.all;
    high += o.high;
  }
  Lanes Low() const { return all - (high << 8); }
};

}  // namespace presslens

#endif  // PRESSLENS_WEIGHT_ROWS_H_
