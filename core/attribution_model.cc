#include "attribution_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

#include "weight_rows.h"

namespace presslens {
namespace {

// A feature: template id and up to three values, hashed into a bucket.
constexpr uint32_t F(uint32_t tmpl, uint32_t a, uint32_t b = 0, uint32_t c = 0) {
  return HashFeature(tmpl, a, b, c) & kAttrHashMask;
}

// The features of few values, hashed at compile time: Table<N>(f)[k] = f(k).
template <size_t N, typename Fn>
constexpr std::array<uint32_t, N> Table(Fn f) {
  std::array<uint32_t, N> t{};
  for (size_t k = 0; k < N; ++k) t[k] = f(static_cast<uint32_t>(k));
  return t;
}
// F(11, ...) of the cue classes (0, 1, or 2 outside the sentence) of tokens i-1, i, i+1, by
// their classes in base 3.
constexpr auto kCueFeatures = Table<27>([](uint32_t k) { return F(11, k / 9, k / 3 % 3, k % 3); });
// F(17, ...) by long sentence * 100 + cue distance classes; F(22, ...) by quote * 100 + cue
// distance classes (AttributionFeatures::distances_).
constexpr auto kLengthFeatures =
    Table<200>([](uint32_t k) { return F(17, k % 100 / 10, k % 10, k / 100); });
constexpr auto kQuoteFeatures =
    Table<400>([](uint32_t k) { return F(22, k / 100, k % 100 / 10, k % 10); });

// A distance in tokens as a small class; kNone when there is nothing to measure.
constexpr uint32_t kNone = 9;
uint32_t Distance(int d) {
  if (d < 0) return kNone;
  if (d <= 3) return static_cast<uint32_t>(d);
  if (d <= 5) return 4;
  if (d <= 9) return 5;
  if (d <= 15) return 6;
  if (d <= 25) return 7;
  return 8;
}

// Where a token stands towards quote marks: outside, inside, an opening or a closing mark.

// The word's shape: kind, capitals, length class.
uint32_t Shape(const Token& t) {
  const uint32_t len = t.end - t.start;
  return static_cast<uint32_t>(t.kind) * 16 + t.upper_initial * 8 + t.all_caps * 4 +
         (len == 1 ? 0 : len <= 3 ? 1 : 2);
}

uint32_t MentionClass(EntityType type, bool begin) {
  return 1 + static_cast<uint32_t>(type) * 2 + (begin ? 1 : 0);
}

}  // namespace

void CueWords::Assign(std::vector<uint64_t> hashes) {
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  hashes_ = std::move(hashes);
  size_t size = 16;
  while (size < hashes_.size() * 4) size *= 2;
  table_.assign(size, 0);
  mask_ = size - 1;
  for (uint64_t h : hashes_) {
    if (h == 0) continue;
    size_t k = (h ^ (h >> 29)) & mask_;
    while (table_[k] != 0) k = (k + 1) & mask_;
    table_[k] = h;
  }
}

void AttributionFeatures::Compute(const Document& doc, const CueWords& cues, bool whole) {
  doc_ = &doc;
  whole_ = whole;
  base_ = 0;
  const int n = static_cast<int>(doc.tokens.size());
  marks_.assign(n, kOutside);
  candidate_.assign(doc.sentences.size(), 0);
  for (const QuoteSpan& q : doc.quote_spans) {
    if (q.nested) continue;
    for (int i = q.first; i < q.last; ++i) marks_[i] = kInside;
    if (q.open_token >= 0) marks_[q.open_token] = kOpen;
    if (q.close_token >= 0) marks_[q.close_token] = kClose;
  }
  // A cue word inside quote marks attributes words inside the quote, which the quote's own
  // attribution covers: only cue words outside marks make a sentence a candidate.
  for (int i = 0; i < n; ++i) {
    if (doc.tokens[i].kind == TokenKind::kWord && cues.Has(doc.folded_hash[i])) {
      marks_[i] |= kCueBit;
      if (Quote(i) == kOutside) candidate_[doc.tokens[i].sentence] = 1;
    }
  }
  for (const Mention& m : doc.mentions)
    for (int i = m.first; i < m.last; ++i) marks_[i] = static_cast<uint8_t>((marks_[i] & (kQuoteMask | kCueBit)) |
                                         MentionClass(m.type, i == m.first) << kMentionShift);
  if (!whole) return;
  for (auto* v : {&word_, &shape_}) v->resize(n);
  for (auto* v : {&cue_left_, &cue_right_}) v->resize(n);
  for (auto* v : {&distances_, &kind_}) v->resize(n);
  for (size_t k = 0; k < doc.sentences.size(); ++k)
    if (candidate_[k]) FillSentence(static_cast<int>(k));  // only tagged sentences are read
}

void AttributionFeatures::Prepare(int k) {
  if (whole_) return;
  const Sentence& s = doc_->sentences[k];
  const size_t n = static_cast<size_t>(s.last - s.first);
  base_ = s.first;
  for (auto* v : {&word_, &shape_}) v->resize(n);
  for (auto* v : {&cue_left_, &cue_right_}) v->resize(n);
  for (auto* v : {&distances_, &kind_}) v->resize(n);
  FillSentence(k);
}

void AttributionFeatures::FillSentence(int k) {
  const Document& doc = *doc_;
  const Sentence& s = doc.sentences[k];
  const int b = base_;
  for (int i = s.first; i < s.last; ++i) {
    word_[i - b] = static_cast<uint32_t>(doc.folded_hash[i] ^ (doc.folded_hash[i] >> 32));
    shape_[i - b] = Shape(doc.tokens[i]);
    const Token& t = doc.tokens[i];
    kind_[i - b] = t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber ? 0
                   : t.kind == TokenKind::kPunct && doc.text[t.start] == ',' ? 1 : 2;
  }
  int last = -1;
  for (int i = s.first; i < s.last; ++i) {
    if (Cue(i)) last = i;
    cue_left_[i - b] = last;
  }
  last = -1;
  for (int i = s.last - 1; i >= s.first; --i) {
    if (Cue(i)) last = i;
    cue_right_[i - b] = last;
    const int l = cue_left_[i - b];
    distances_[i - b] = static_cast<uint8_t>(Distance(l < 0 ? -1 : i - l) * 10 + Distance(last < 0 ? -1 : last - i));
  }
}

int AttributionFeatures::Static(int i, uint32_t* out) const {
  const Document& doc = *doc_;
  const Sentence& s = doc.sentences[doc.tokens[i].sentence];
  const int b = base_;
  auto word = [&](int k) { return k >= s.first && k < s.last ? word_[k - b] : (k < s.first ? 1u : 2u); };
  // Every input is read into a local before the first store: `out` may alias word_ and shape_,
  // and with the reads done the compiler shares the products of the words the features repeat.
  const bool has_prev = i > s.first, has_next = i + 1 < s.last;
  const uint32_t w = word_[i - b], w_prev = has_prev ? word_[i - 1 - b] : 1u,
                 w_next = has_next ? word_[i + 1 - b] : 2u;
  const uint32_t shapes = F(10, has_prev ? shape_[i - 1 - b] : 999u, shape_[i - b],
                            has_next ? shape_[i + 1 - b] : 999u);
  const uint32_t cues =
      kCueFeatures[(has_prev ? Cue(i - 1) : 2u) * 9 + Cue(i) * 3 + (has_next ? Cue(i + 1) : 2u)];
  const int l = cue_left_[i - b], r = cue_right_[i - b];
  const uint32_t distances = distances_[i - b];
  const uint32_t dl = distances / 10u, dr = distances % 10u;
  const uint32_t position = i == s.first ? 0 : i == s.last - 1 ? 1 : 2;
  const uint32_t f[kMaxStatic] = {
      F(1, 0),
      F(2, w),
      F(3, w_prev),
      F(4, w_next),
      F(7, w_prev, w),
      F(8, w, w_next),
      shapes,
      cues,
      F(13, MentionOf(i), Quote(i), position),
      kLengthFeatures[(s.last - s.first > 40 ? 100 : 0) + distances],
      F(18, l < 0 ? 0 : word_[l - b], dl),
      F(19, r < 0 ? 0 : word_[r - b], dr),
      F(20, l < 0 ? 0 : word(l + 1), dl),
      F(21, r < 0 ? 0 : word(r - 1), dr),
      kQuoteFeatures[Quote(i) * 100 + distances],
      F(23, w, dl),
  };
  std::memcpy(out, f, sizeof f);
  return kMaxStatic;
}

int AttributionFeatures::Transition(int i) const {
  return Quote(i) * kDistances + distances_[i - base_];
}

int AttributionFeatures::DynamicOf(int prev, int quote, int distances, uint32_t* out) {
  const uint32_t p = static_cast<uint32_t>(prev);
  out[0] = F(50, p, static_cast<uint32_t>(quote));
  out[1] = F(53, p, static_cast<uint32_t>(distances / 10), static_cast<uint32_t>(distances % 10));
  return 2;
}

int AttributionFeatures::KindFeature(int prev, int kind) {
  return static_cast<int>(F(54, static_cast<uint32_t>(prev), static_cast<uint32_t>(kind)));
}

int AttributionFeatures::Dynamic(int i, int prev, uint32_t* out) const {
  const int t = Transition(i);
  const int n = DynamicOf(prev, t / kDistances, t % kDistances, out);
  out[n] = static_cast<uint32_t>(KindFeature(prev, Kind(i)));
  return n + 1;
}

namespace {

// Eight int32 lanes, one per tag (the eighth is padding), as two 16-byte vectors: GCC and
// Clang compile them to SSE2 natively and to SIMD128 in wasm.
typedef int32_t Lanes4 __attribute__((vector_size(16)));
struct Lanes8 {
  Lanes4 lo, hi;
  int32_t operator[](int t) const { return t < 4 ? lo[t] : hi[t - 4]; }
  void set(int t, int32_t x) {
    if (t < 4) lo[t] = x; else hi[t - 4] = x;
  }
  Lanes8 operator+(const Lanes8& o) const { return {lo + o.lo, hi + o.hi}; }
  Lanes8& operator+=(const Lanes8& o) { lo += o.lo; hi += o.hi; return *this; }
};
inline Lanes8 Load8(const int32_t* p) {
  Lanes8 v;
  std::memcpy(&v.lo, p, 16);
  std::memcpy(&v.hi, p + 4, 16);
  return v;
}
inline Lanes8 Splat(int32_t x) { return {Lanes4{x, x, x, x}, Lanes4{x, x, x, x}}; }
// b = max(b, s) lane by lane, bp = p where s won.
inline void Better(const Lanes8& s, int32_t p, Lanes8* b, Lanes8* bp) {
  const Lanes4 pv = Lanes4{p, p, p, p};
  const Lanes4 mlo = s.lo > b->lo, mhi = s.hi > b->hi;
  b->lo = (s.lo & mlo) | (b->lo & ~mlo);
  b->hi = (s.hi & mhi) | (b->hi & ~mhi);
  bp->lo = (pv & mlo) | (bp->lo & ~mlo);
  bp->hi = (pv & mhi) | (bp->hi & ~mhi);
}

// Sums of weight rows stored as bytes plus kBias (ByteLaneSums, weight_rows.h), scored as the
// tags' lanes.
struct RowSums : ByteLaneSums {
  Lanes8 Scores(int rows, int bias) const {
    const Lanes low = Low();
    const int32_t b = bias * rows;
    return {Lanes4{low[0] - b, high[0] - b, low[1] - b, high[1] - b},
            Lanes4{low[2] - b, high[2] - b, low[3] - b, 0}};
  }
};

}  // namespace

// AttrDecode with the int8 weights, in integers, the tags as vector lanes; the transitions are
// read from their table, which holds kForbidden for a tag that may not follow the previous one
// (and for the padding lane).
void AttributionModel::Tag(const AttributionFeatures& f, int first, int last, uint8_t* tags) const {
  const int n = last - first;
  if (n <= 0) return;
  thread_local std::vector<Lanes8> best, back;
  best.resize(static_cast<size_t>(n));
  back.resize(static_cast<size_t>(n));
  const uint8_t* w = weights_.get();
  uint32_t feats[AttributionFeatures::kMaxStatic];
  for (int i = first; i < last; ++i) {
    RowSums sums;
    f.Static(i, feats);
    for (int k = 0; k < AttributionFeatures::kMaxStatic; ++k)
      sums.Add(w + static_cast<size_t>(feats[k]) * kAttrTags);
    const Lanes8 emit = sums.Scores(AttributionFeatures::kMaxStatic, kBias);
    const int32_t* tr = &transitions_[static_cast<size_t>(f.Transition(i)) * kLanes * kLanes];
    const int32_t* tk = &kind_transitions_[static_cast<size_t>(f.Kind(i)) * kLanes * kLanes];
    Lanes8 b = Load8(tr) + Load8(tk), bp = Splat(0);  // after O
    if (i > first) {
      const Lanes8& prev = best[i - first - 1];
      b += Splat(prev[0]);
      for (int p = 1; p < kAttrTags; ++p)
        Better(Splat(prev[p]) + Load8(tr + p * kLanes) + Load8(tk + p * kLanes), p, &b, &bp);
    }
    best[i - first] = b + emit;
    back[i - first] = bp;
  }
  const Lanes8& row = best[n - 1];
  int t = 0;
  for (int u = 1; u < kAttrTags; ++u)
    if (row[u] > row[t]) t = u;
  for (int i = last - 1; i >= first; --i) {
    tags[i] = static_cast<uint8_t>(t);
    t = back[i - first][t];
  }
}

bool AttributionModel::Load(std::string_view b) {
  weights_.reset();
  cues_.Assign({});
  if (b.size() < 24 || b.substr(0, 6) != "PLATR1") return false;
  if (static_cast<uint8_t>(b[6]) != kAttrHashBits || static_cast<uint8_t>(b[7]) != kAttrTags) return false;
  uint32_t ncues, rows;
  std::memcpy(&ncues, b.data() + 10, 4);
  std::memcpy(&rows, b.data() + 18, 4);
  size_t pos = 22;
  if (b.size() < pos + static_cast<size_t>(ncues) * 8) return false;
  std::vector<uint64_t> cues(ncues);
  std::memcpy(cues.data(), b.data() + pos, static_cast<size_t>(ncues) * 8);
  pos += static_cast<size_t>(ncues) * 8;
  // Rows kAttrTags bytes apart; a 16-byte load of the last row reads into the padding.
  const unsigned char* const data = reinterpret_cast<const unsigned char*>(b.data());
  std::unique_ptr<uint8_t[]> w =
      DecodeWeightRows(data + pos, data + b.size(), rows, kAttrHashMask + 1, kAttrTags, 16);
  if (!w) return false;
  transitions_.assign(static_cast<size_t>(AttributionFeatures::kTransitions) * kLanes * kLanes, kForbidden);
  for (int c = 0; c < AttributionFeatures::kTransitions; ++c) {
    for (int p = 0; p < kAttrTags; ++p) {
      uint32_t feats[AttributionFeatures::kMaxDynamic];
      const int n = AttributionFeatures::DynamicOf(p, c / AttributionFeatures::kDistances,
                                                   c % AttributionFeatures::kDistances, feats);
      int32_t* out = &transitions_[(static_cast<size_t>(c) * kLanes + p) * kLanes];
      for (int t = 0; t < kAttrTags; ++t) {
        if (!AttrAllowed(p, t)) continue;
        out[t] = 0;
        for (int k = 0; k < n; ++k) out[t] += w[static_cast<size_t>(feats[k]) * kAttrTags + t] - kBias;
      }
    }
  }
  kind_transitions_.assign(static_cast<size_t>(AttributionFeatures::kKinds) * kLanes * kLanes, 0);
  for (int k = 0; k < AttributionFeatures::kKinds; ++k)
    for (int p = 0; p < kAttrTags; ++p)
      for (int t = 0; t < kAttrTags; ++t)
        kind_transitions_[(static_cast<size_t>(k) * kLanes + p) * kLanes + t] =
            w[static_cast<size_t>(AttributionFeatures::KindFeature(p, k)) * kAttrTags + t] - kBias;
  cues_.Assign(std::move(cues));
  weights_ = std::move(w);
  return true;
}

std::string AttributionModel::Serialize(const std::vector<uint64_t>& cues,
                                        const std::vector<float>& weights, float scale) {
  uint32_t count = 0;
  const std::string rows = EncodeWeightRows(weights, kAttrHashMask + 1, kAttrTags, scale, &count);
  std::string out = "PLATR1";
  out += static_cast<char>(kAttrHashBits);
  out += static_cast<char>(kAttrTags);
  out.append(2, '\0');
  const uint32_t ncues = static_cast<uint32_t>(cues.size());
  out.append(reinterpret_cast<const char*>(&ncues), 4);
  out.append(reinterpret_cast<const char*>(&scale), 4);
  out.append(reinterpret_cast<const char*>(&count), 4);
  out.append(reinterpret_cast<const char*>(cues.data()), cues.size() * 8);
  return out + rows;
}

}  // namespace presslens
