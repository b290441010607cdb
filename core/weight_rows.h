// The row encoding the learned taggers' model files share (ner_model.cc, attribution_model.cc):
// for each hash bucket with a non-zero weight after scaling, the bucket's distance from the
// previous such bucket as a little-endian base-128 varint, then its `tags` weights as int8
// (round(weight * scale), clamped to [-127, 127]).
#ifndef PRESSLENS_WEIGHT_ROWS_H_
#define PRESSLENS_WEIGHT_ROWS_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace presslens {

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

}  // namespace presslens

#endif  // PRESSLENS_WEIGHT_ROWS_H_
