// The learned part of attribution: a greedy left-to-right averaged-perceptron tagger over BIO
// tags of SOURCE / CUE / CONTENT, with hashed features, learned from PolNeAR train
// (tools/train_attributions.cc). It tags only sentences that hold a cue word (a word the
// training data marks as part of a cue often enough, or less often but in sentences that hold
// enough reported speech per token; the list is learned and stored in the model file).
//
// The same code computes features at training time and at run time, on a Document filled by the
// same stages (tokens, quote spans, mentions), so both see identical input. Weights are int8,
// one row of kAttrTags per hash bucket; the model file (data/attribution-model.bin) stores only
// non-zero rows.
#ifndef PRESSLENS_ATTRIBUTION_MODEL_H_
#define PRESSLENS_ATTRIBUTION_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"

namespace presslens {

// Tags: 0 = O; 1 + 2*role = B-role; 2 + 2*role = I-role.
enum AttrRole { kSource = 0, kCueRole = 1, kContent = 2, kNumRoles = 3 };
constexpr int kAttrTags = 1 + 2 * kNumRoles;
constexpr int kAttrHashBits = 16;
constexpr uint32_t kAttrHashMask = (1u << kAttrHashBits) - 1;
inline int AttrRoleOf(int tag) { return tag == 0 ? -1 : (tag - 1) / 2; }
inline bool AttrInside(int tag) { return tag != 0 && (tag - 1) % 2 == 1; }
inline int AttrBegin(int role) { return 1 + 2 * role; }
// I-X may only follow B-X or I-X.
inline bool AttrAllowed(int prev, int tag) {
  return !AttrInside(tag) || (prev != 0 && AttrRoleOf(prev) == AttrRoleOf(tag));
}

// The learned cue words: a set of folded-word hashes (Document::folded_hash).
class CueWords {
 public:
  void Assign(std::vector<uint64_t> hashes);
  bool Has(uint64_t folded) const {
    for (size_t k = (folded ^ (folded >> 29)) & mask_;; k = (k + 1) & mask_) {
      if (table_[k] == folded) return true;
      if (table_[k] == 0) return false;
    }
  }
  const std::vector<uint64_t>& hashes() const { return hashes_; }  // sorted

 private:
  std::vector<uint64_t> hashes_;
  std::vector<uint64_t> table_ = std::vector<uint64_t>(1, 0);  // open addressing, 0 = empty
  size_t mask_ = 0;
};

// The best tag sequence for tokens [first, last) of one sentence (Viterbi over the emission
// and first-order transition features) into tags[first..last). row(bucket) gives the
// kAttrTags weights of a bucket (float while training, int8 at run time);
// trans(i, prev, scores) adds the transition features' weights of token i after tag prev. The
// trainer decodes with it; AttributionModel::Tag computes the same from the int8 weights.
template <typename Row, typename Trans>
void AttrDecode(const class AttributionFeatures& f, int first, int last, Row&& row, Trans&& trans,
                uint8_t* tags);

// Per-document features that do not depend on the tags chosen so far.
class AttributionFeatures {
 public:
  // Reads the document's tokens, quote spans and mentions; `doc` must outlive this object's
  // use. With `whole`, the features of every candidate sentence are computed at once (the
  // trainer reads sentences in any order); without it, only Prepare(s)'s sentence has them,
  // so the per-token arrays are one sentence long.
  void Compute(const Document& doc, const CueWords& cues, bool whole = true);
  // Without `whole`: computes the features of candidate sentence s, for Static, Dynamic,
  // Transition and Kind of its tokens until the next Prepare. With `whole`: nothing.
  void Prepare(int s);
  // True when sentence s holds a cue word outside quote marks: only such sentences are tagged.
  bool Candidate(int s) const { return candidate_[s] != 0; }
  // True when token i is inside an outermost quote span or one of its marks (kOutside is 0).
  bool Quoted(int i) const { return Quote(i) != kOutside; }
  // Writes the kMaxStatic features of token i that do not depend on tags; returns kMaxStatic.
  static constexpr int kMaxStatic = 16;
  int Static(int i, uint32_t* out) const;
  // The features of token i given the tag of the token before it (`prev`; 0 at the start of
  // the sentence).
  static constexpr int kMaxDynamic = 3;
  int Dynamic(int i, int prev, uint32_t* out) const;
  // What Dynamic reads of token i besides `prev`, as two classes: Dynamic(i, p) is
  // DynamicOf(p, Transition(i) / kDistances, Transition(i) % kDistances) and
  // KindFeature(p, Kind(i)).
  static constexpr int kDistances = 100;  // (left, right) cue distance classes
  static constexpr int kTransitions = 4 * kDistances;
  // The kind of token i for the transitions: a word, a comma, other punctuation.
  static constexpr int kKinds = 3;
  int Kind(int i) const { return kind_[i - base_]; }
  static int KindFeature(int prev, int kind);  // the bucket of that transition feature
  int Transition(int i) const;  // in [0, kTransitions)
  static int DynamicOf(int prev, int quote, int distances, uint32_t* out);
  const Document& doc() const { return *doc_; }

 private:
  void FillSentence(int s);  // the sentence arrays of sentence s, from index s.first - base_
  const Document* doc_ = nullptr;
  bool whole_ = true;
  // Per token of the document, one byte: its quote position (bits 0-1: kOutside, kInside,
  // kOpen, kClose), whether it is a cue word (kCueBit) and its mention class (MentionClass in
  // attribution_model.cc, 0 outside mentions; bits kMentionShift and up).
  enum : uint8_t { kOutside = 0, kInside = 1, kOpen = 2, kClose = 3, kQuoteMask = 3, kCueBit = 4 };
  static constexpr int kMentionShift = 3;
  uint32_t Quote(int i) const { return marks_[i] & kQuoteMask; }
  uint32_t Cue(int i) const { return (marks_[i] & kCueBit) != 0; }
  uint32_t MentionOf(int i) const { return marks_[i] >> kMentionShift; }
  std::vector<uint8_t> marks_;
  std::vector<uint8_t> candidate_;  // per sentence
  // Per token from token base_ on (the whole document, or the prepared sentence):
  int base_ = 0;
  std::vector<uint32_t> word_, shape_;
  std::vector<int> cue_left_, cue_right_;  // nearest cue word in the sentence (a token), or -1
  std::vector<uint8_t> distances_;  // their distance classes, left * 10 + right
  std::vector<uint8_t> kind_;
};

template <typename Row, typename Trans>
void AttrDecode(const AttributionFeatures& f, int first, int last, Row&& row, Trans&& trans,
                uint8_t* tags) {
  const int n = last - first;
  if (n <= 0) return;
  thread_local std::vector<float> best;
  thread_local std::vector<uint8_t> back;
  best.resize(static_cast<size_t>(n) * kAttrTags);
  back.resize(static_cast<size_t>(n) * kAttrTags);
  uint32_t feats[AttributionFeatures::kMaxStatic];
  for (int i = first; i < last; ++i) {
    float emit[kAttrTags] = {0};
    const int ns = f.Static(i, feats);
    for (int k = 0; k < ns; ++k) {
      const auto* w = row(feats[k]);
      for (int t = 0; t < kAttrTags; ++t) emit[t] += w[t];
    }
    float* cur = &best[static_cast<size_t>(i - first) * kAttrTags];
    uint8_t* from = &back[static_cast<size_t>(i - first) * kAttrTags];
    for (int t = 0; t < kAttrTags; ++t) cur[t] = -1e30f;
    for (int p = 0; p < (i == first ? 1 : kAttrTags); ++p) {
      const float base = i == first ? 0.f : best[static_cast<size_t>(i - first - 1) * kAttrTags + p];
      if (base <= -1e29f) continue;
      float tr[kAttrTags] = {0};
      trans(i, p, tr);
      for (int t = 0; t < kAttrTags; ++t) {
        if (!AttrAllowed(p, t)) continue;
        const float s = base + emit[t] + tr[t];
        if (s > cur[t]) {
          cur[t] = s;
          from[t] = static_cast<uint8_t>(p);
        }
      }
    }
  }
  const float* lastrow = &best[static_cast<size_t>(n - 1) * kAttrTags];
  int t = 0;
  for (int u = 1; u < kAttrTags; ++u)
    if (lastrow[u] > lastrow[t]) t = u;
  for (int i = last - 1; i >= first; --i) {
    tags[i] = static_cast<uint8_t>(t);
    t = back[static_cast<size_t>(i - first) * kAttrTags + t];
  }
}

class AttributionModel {
 public:
  // Reads the model file; false (and an empty model) when it is missing or malformed.
  bool Load(std::string_view bytes);
  bool empty() const { return !weights_; }
  const CueWords& cues() const { return cues_; }
  // Tags tokens [first, last) of one sentence greedily into tags[first..last).
  void Tag(const AttributionFeatures& f, int first, int last, uint8_t* tags) const;

  // Model file: "PLATR1" magic, u8 hash bits, u8 tags, u16 0, u32 cue words, f32 scale,
  // u32 rows, then the cue words' u64 hashes, then per row a varint bucket delta and
  // kAttrTags int8 weights.
  static std::string Serialize(const std::vector<uint64_t>& cues, const std::vector<float>& weights,
                               float scale);

 private:
  CueWords cues_;
  // Weights plus kBias, as bytes 0..255 (unsigned bytes sum without sign extension): dense,
  // bucket * kAttrTags + tag.
  static constexpr int kBias = 128;
  std::unique_ptr<uint8_t[]> weights_;
  // The transition features' summed weights, per Transition class, previous tag (kLanes
  // apart) and tag (kLanes apart); kForbidden where the tag may not follow the previous one
  // and in the padding.
  static constexpr int kLanes = 8;
  static constexpr int32_t kForbidden = -(1 << 24);
  std::vector<int32_t> transitions_;
  std::vector<int32_t> kind_transitions_;  // the same for KindFeature, per Kind
};

}  // namespace presslens

#endif  // PRESSLENS_ATTRIBUTION_MODEL_H_
