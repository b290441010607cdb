// The learned part of entity finding: a greedy left-to-right averaged-perceptron tagger over
// BIO tags of the four CoNLL-2003 classes (PER ORG LOC MISC), with hashed features.
//
// Besides the tokens, the features read the gazetteer (gazetteer.h) and the knowledge base
// (knowledge_base.h): whether a token begins or continues one of their names, and its type;
// and how often English capitalises the word inside a sentence (Gazetteer::WordCase).
// The same code computes features at training time (tools/train_ner.cc) and at run time, on
// tokens from the same Tokenizer, so both see identical input. Weights are int8, one row of
// kNumTags per hash bucket; the model file (data/ner-model.bin) stores only non-zero rows.
#ifndef PRESSLENS_NER_MODEL_H_
#define PRESSLENS_NER_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "gazetteer.h"

namespace presslens {

// Tags: 0 = O; 1 + 2*class = B-class; 2 + 2*class = I-class.
enum NerClass { kPer = 0, kOrg = 1, kLoc = 2, kMisc = 3, kNumClasses = 4 };
constexpr int kNumTags = 1 + 2 * kNumClasses;
constexpr int kHashBits = 16;
constexpr uint32_t kHashMask = (1u << kHashBits) - 1;
inline int TagClass(int tag) { return tag == 0 ? -1 : (tag - 1) / 2; }
inline bool TagInside(int tag) { return tag != 0 && (tag - 1) % 2 == 1; }
inline int BeginTag(int cls) { return 1 + 2 * cls; }
// I-X may only follow B-X or I-X.
inline bool TagAllowed(int prev, int tag) {
  return !TagInside(tag) || (prev != 0 && TagClass(prev) == TagClass(tag));
}

// Per-document features that do not depend on the tags chosen so far.
class NerFeatures {
 public:
  // Reads the document's tokens once; `doc` must outlive this object's use.
  void Compute(const Document& doc, const Gazetteer& gaz);
  int size() const { return n_; }
  // Appends the static feature buckets of token i.
  void Static(int i, std::vector<uint32_t>* out) const;
  // The same into out[0..kMaxStatic), returning the count: the tagger's loop writes into an
  // array on the stack rather than through a vector's size and capacity per feature.
  static constexpr int kMaxStatic = 48;
  int Static(int i, uint32_t* out) const;
  // Static is these two, in this order: the features of the token itself (its text, the case
  // of its initial, whether it is a word), which the tagger sums once per distinct token, and
  // those of its context.
  int StaticOfWord(int i, uint32_t* out) const;
  int StaticInContext(int i, uint32_t* out) const;
  // Equal for tokens whose StaticOfWord features are equal (a hash of what they read).
  uint64_t word_key(int i) const;
  // The tagger's split of StaticInContext: the same features (in another order) as the
  // features of the token in its sentence, which read only the token and flags of its
  // sentence and of its gazetteer match, and are summed once per distinct token_key; and
  // those that read its neighbours.
  int StaticInSentence(int i, uint32_t* out) const;
  int StaticOfNeighbours(int i, uint32_t* out) const;
  // The same, each bucket handed to emit(uint32_t) as it is computed: the tagger adds its row
  // at once, with no array between (defined in ner_model.cc, its only user).
  template <typename Emit>
  void EmitNeighbours(int i, Emit&& emit) const;
  // Equal for tokens whose StaticOfWord and StaticInSentence features are equal.
  uint64_t token_key(int i) const;
  uint32_t word(int i) const {  // hash of the folded word
    const uint64_t folded = folded_data_[i];
    return static_cast<uint32_t>(folded ^ (folded >> 32));
  }
  uint64_t folded(int i) const { return folded_data_[i]; }  // Hash(token, fold = true)
  uint64_t exact(int i) const { return exact_.empty() ? ExactOf(i) : exact_[i]; }  // Hash(token)
  uint32_t shape(int i) const { return shape_[i]; }  // hash of the word shape
  bool capitalised(int i) const { return doc_->tokens[i].upper_initial; }
  // The word of token i is written in lower case somewhere in the text.
  bool seen_lower(int i) const {
    const int32_t* seen = seen_.Find(word(i));
    return seen && (*seen & kSeenLower);
  }
  // How often English capitalises the word inside a sentence (Gazetteer::WordCase): 1 mostly
  // lower case ... 4 nearly always capitalised, 0 unknown or not a word.
  int word_case(int i) const { return case_.empty() ? 0 : case_[i]; }
  // The word of token i is capitalised inside a sentence somewhere in the text.
  bool seen_capitalised_mid(int i) const {
    const int32_t* seen = seen_.Find(word(i));
    return seen && (*seen & kSeenCapMid);
  }
  // Not in a headline or an all-caps line, whose tags are less certain.
  bool reliable(int i) const { return flags_[i] & kReliableBit; }
  // Not capitalised and not the start of a known name: after an O such a token is tagged O
  // without being scored (NerOutside), as an entity nearly always starts with a capital or a
  // known name.
  bool plain(int i) const { return !capitalised(i) && (gz_[i] == 0 || gz_[i] % 2 == 1); }
  // The gazetteer's longest matches, in text order.
  struct GazMatch {
    int first, end, id;
  };
  const std::vector<GazMatch>& gaz_matches() const { return gaz_matches_; }
  // The knowledge base's longest matches, in text order, with their types
  // (KnowledgeBase::kKbPerson | kKbOrg | kKbGpe).
  struct KbMatch {
    int first, end;
    uint8_t types;
  };
  const std::vector<KbMatch>& kb_matches() const { return kb_matches_; }
  // Training only: forgets the knowledge base's match of every second name it found (by a
  // hash of `seed` and the name's first token), so that the tagger learns names the knowledge
  // base does not know too, as at run time, where it knows only some.
  void ForgetKnowledgeBaseMatches(uint32_t seed);
  // Frees what only the tagger reads: afterwards folded(), exact() (computed again for each
  // call), word(), capitalised(), seen_lower(), word_case(), gaz_matches() and kb_matches()
  // remain.
  void ReleaseTaggerInputs();

 private:
  uint64_t ExactOf(int i) const;
  // kb_: the knowledge base's longest names (knowledge_base.h), as for gz_.
  void MatchKnowledgeBase();
  const Document* doc_ = nullptr;
  int n_ = 0;  // tokens
  std::vector<uint32_t> shape_;
  std::vector<uint64_t> exact_, folded_;  // Hash(token) (empty for a long text), Hash(token, fold = true)
  const uint64_t* folded_data_ = nullptr;  // folded_, or the document's equal folded_hash
  // case_: the word case class of each word (Gazetteer::WordCase), 0 for other tokens.
  std::vector<uint8_t> gz_, kb_, case_;
  // Per token: the first of its sentence, in an all-caps sentence, the sentence's headline
  // code (2 bits: a headline, a table line), reliable(), a given name, a title word.
  std::vector<uint8_t> flags_;
  enum : uint8_t {
    kFirstBit = 1, kCapsSentenceBit = 2, kHeadlineShift = 2, kReliableBit = 16, kGivenBit = 32,
    kTitleBit = 64
  };
  uint32_t IsFirst(int i) const { return flags_[i] & kFirstBit; }
  uint32_t CapsSentence(int i) const { return (flags_[i] & kCapsSentenceBit) >> 1; }
  uint32_t HeadlineCode(int i) const { return (flags_[i] >> kHeadlineShift) & 3; }
  uint32_t Given(int i) const { return (flags_[i] & kGivenBit) >> 5; }
  uint32_t Title(int i) const { return (flags_[i] & kTitleBit) >> 6; }
  // Token i and its neighbours within its sentence as both feature emitters read them (words,
  // shapes, gazetteer and knowledge-base codes, given-name and title flags, token kinds), with
  // fixed codes for a neighbour outside the sentence.
  struct Window {
    bool before, after;  // i - 1, i + 1 lie in the sentence
    uint32_t wi, si, w_1, w1, w_2, w2, s_1, s1, gi, g_1, g1, k_1, k1, given_1, title_1, kind,
        kind_1;
  };
  Window WindowAt(int i) const;
  // Folded words seen in lower case (kSeenLower) and capitalised mid-sentence (kSeenCapMid):
  // one map, so that a token's evidence is one lookup.
  static constexpr int32_t kSeenLower = 1, kSeenCapMid = 2;
  FlatMap seen_;
  std::vector<GazMatch> gaz_matches_;
  std::vector<KbMatch> kb_matches_;
};

// Tags chosen so far in a document: the dynamic features read them.
struct NerState {
  std::vector<uint8_t> tags;
  FlatMap last_class;  // folded word -> 1 + class (or 0 = O)
  void Set(const NerFeatures& f, int i, int tag);
};

// True when token i is tagged O without scoring (see NerFeatures::plain).
bool NerOutside(const NerFeatures& f, int prev, int i);

// Appends the features of token i that depend on earlier tags.
void NerDynamicFeatures(const NerFeatures& f, const NerState& s, int i,
                        std::vector<uint32_t>* out);
// The same into out[0..kMaxDynamic), returning the count.
constexpr int kMaxDynamic = 8;
int NerDynamicFeatures(const NerFeatures& f, const NerState& s, int i, uint32_t* out);

class NerModel {
 public:
  // Reads the model file; false (and an empty model) when it is missing or malformed.
  bool Load(std::string_view bytes);
  bool empty() const { return !weights_; }
  // Tags every token of the document greedily.
  void Tag(const NerFeatures& f, NerState* s) const;

  // Model file: "PLNER1" magic, u8 hash bits, u8 tags, f32 scale, u32 rows, then per row a
  // varint bucket delta and kNumTags int8 weights.
  static std::string Serialize(const std::vector<float>& weights, float scale);

 private:
  static constexpr int kRow = 16;  // bytes summed per row: kNumTags weights and unused bytes
  // Rows are stored kNumTags bytes apart, not kRow: a 16-byte load also reads the next row's
  // first bytes, into lanes nobody reads, and the table takes kNumTags bytes per bucket
  // rather than kRow, so more of it stays in cache between texts.
  static constexpr int kStride = kNumTags;
  // Weights are stored plus kBias, as bytes 0..255: unsigned bytes sum without sign
  // extension (see Tag).
  static constexpr int kBias = 128;
  std::unique_ptr<uint8_t[]> weights_;  // dense: bucket * kStride + tag, + kRow - kStride padding
  // A number no other Load gave: Tag keeps per-word sums of these weights from text to text,
  // and starts them afresh for another model.
  uint64_t generation_ = 0;
};

}  // namespace presslens

#endif  // PRESSLENS_NER_MODEL_H_
