// The learned weights of the syntactic layer and what the tagger and the parser share: the
// word features of a sentence and a linear model over hashed features.
//
// A model file (data/syntax-model.bin, written by tools/train_syntax.cc) holds the tag names
// (UPOS/XPOS pairs), the dependency labels, and three LinearModels: the tagger of UPOS/XPOS
// pairs, the UPOS tagger that reads the pairs it chose, and the parser. Weights are one byte each: a sign bit and one of 31 magnitudes spaced
// geometrically between the model's smallest kept weight and its largest (small weights keep
// their precision, large ones their size); a row holds only the classes with a weight.
#ifndef PRESSLENS_SYNTAX_SYNTAX_MODEL_H_
#define PRESSLENS_SYNTAX_SYNTAX_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace presslens {
namespace syntax {

// The model files' unsigned LEB128 integers: ReadVarint reads one at *pos and advances it
// (false when b ends first or the number runs past 64 bits); WriteVarint appends one.
bool ReadVarint(std::string_view b, size_t* pos, uint64_t* v);
void WriteVarint(uint64_t v, std::string* out);

// Hash of a feature template and up to three values (64 bits; a model keeps the low bits).
inline uint64_t Feature(uint32_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = (tmpl + 1) * 0x9E3779B97F4A7C15ull;
  h ^= a + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= b + 0x94D049BB133111EBull + (h << 6) + (h >> 2);
  h *= 0xC2B2AE3D27D4EB4Full;
  h ^= c + (h << 6) + (h >> 2);
  h ^= h >> 31;
  h *= 0xD6E8FEB86659FD93ull;
  return h ^ (h >> 32);
}

// Hash of a byte string (FNV-1a); 0 is never returned (0 means "no word").
uint64_t HashBytes(std::string_view s);

// The form of a word the features read: ASCII lower case, curly quotes and apostrophes as
// their ASCII forms, other dashes as "-", digits as "0" (so "1996" and "2024" share features).
std::string NormalizedForm(std::string_view word);

// Word classes learned from unlabeled text (tools/word_clusters.cc): per word (its
// NormalizedForm), a coarse and a fine class; unknown words have neither.
class WordClasses {
 public:
  bool empty() const { return words_.empty(); }
  size_t size() const { return words_.size(); }
  // Classes are 1-based; 0 means an unknown word.
  void Lookup(uint64_t form_hash, uint16_t* coarse, uint16_t* fine) const;
  // Section of the model file: varint word count, the words (NUL-terminated; written in order
  // of fine class, then spelling), then a coarse class byte per word, then a fine class byte
  // per word.
  bool Read(std::string_view bytes, size_t* pos);
  static void Write(const std::vector<std::string>& words, const std::vector<uint8_t>& coarse,
                    const std::vector<uint8_t>& fine, std::string* out);

 private:
  void Index();
  std::vector<std::string> words_;
  std::vector<uint8_t> coarse_, fine_;
  // Open addressing over the form hashes: slot -> word index + 1 (0 = empty).
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
};

// The per-word features of one sentence that neither the tags nor the parse change.
struct SentenceWords {
  std::vector<uint64_t> form;      // hash of NormalizedForm
  std::vector<uint64_t> cased;     // the same with the word's own case (form in a capitals line)
  std::vector<uint64_t> shape;     // hash of the case/digit shape ("Xx", "XX", "d.d", "x-x")
  std::vector<uint64_t> prefix[3];  // hashes of the first 1..3 characters of the form
  std::vector<uint64_t> suffix[4];  // hashes of the last 1..4 characters of the form
  std::vector<uint8_t> flags;      // kCap | kHyphen | kDigit | kFirst
  std::vector<uint16_t> coarse, fine;  // word classes (WordClasses; 0 unknown, all 0 without)
  bool classed = false;  // whether Compute had word classes (the class features are read)
  static constexpr uint8_t kCap = 1, kHyphen = 2, kDigit = 4, kFirst = 8;
  // In a line written in capitals (a headline), every word reads as lower case: the case of
  // such a line tells nothing about its words.
  void Compute(const std::vector<std::string_view>& words, const WordClasses* classes = nullptr);
  int size() const { return static_cast<int>(form.size()); }
};

// A linear model over hashed features: per feature, a sparse row of class weights.
class LinearModel {
 public:
  int classes() const { return classes_; }
  bool empty() const { return classes_ == 0; }
  // Adds the weights of the features' rows to scores[0..classes); reads at most kMaxFeatures.
  static constexpr int kMaxFeatures = 128;
  void Score(const uint64_t* features, int n, float* scores) const;
  // Reads a model from bytes at *pos (advancing it); false when malformed.
  bool Read(std::string_view bytes, size_t* pos);
  // Writes the weights (dense, bucket-major: weights[bucket * classes + class]), keeping the
  // `keep` largest in magnitude (all when 0), each as its nearest magnitude code, in four
  // streams (bucket deltas, counts, classes, codes) that compress better than rows.
  static void Write(const std::vector<float>& weights, int classes, int bucket_bits, size_t keep,
                    std::string* out);
  // The smallest magnitude among the `keep` largest non-zero weights (all when 0).
  static float KeepThreshold(const std::vector<float>& weights, size_t keep);

 private:
  int classes_ = 0;
  uint64_t mask_ = 0;  // (1 << bucket bits) - 1
  float value_[256] = {};  // code byte -> weight
  // Open addressing: slot -> row (bucket + 1, 0 = empty; offset of the row's entries).
  struct Slot {
    uint32_t bucket, offset;
  };
  std::vector<Slot> slots_;
  uint64_t slot_mask_ = 0;
  // With at most kDirectBits bucket bits, instead: bucket -> offset of its row (an empty row
  // at offset 0 for the buckets without one): one read per feature, no probing.
  static constexpr int kDirectBits = 18;
  std::vector<uint32_t> direct_;
  // Per row: a count byte, then (class byte, code byte) pairs; kPad zero bytes at the end.
  static constexpr int kPad = 32;
  std::vector<uint8_t> rows_;
};

// The whole model file: names of the tags and labels, the word classes, and the models.
class SyntaxModel {
 public:
  // Reads a model file; false (and an empty model) when it is missing or malformed.
  bool Load(std::string_view bytes);
  bool empty() const { return tagger_.empty() || retagger_.empty() || parser_.empty(); }
  const std::vector<std::string>& tags() const { return tags_; }      // "UPOS XPOS"
  const std::vector<std::string>& tag_upos() const { return tag_upos_; }  // per tag
  const std::vector<std::string>& xpos() const { return xpos_; }          // per tag
  // The UPOS tags in the order they first appear in tags(): the UPOS tagger's classes.
  const std::vector<std::string>& upos() const { return upos_; }
  const std::vector<std::string>& labels() const { return labels_; }  // dependency relations
  const LinearModel& tagger() const { return tagger_; }      // UPOS/XPOS pairs
  const LinearModel& retagger() const { return retagger_; }  // UPOS, given the pairs
  const LinearModel& parser() const { return parser_; }
  const WordClasses& classes() const { return classes_; }
  int beam() const { return beam_; }  // the parser's beam width, as trained
  // The parser's feature set (ParserFeatures): kFullFeatures, or kCompactFeatures (a subset of
  // the templates, with UPOS read off the first tagger pass).
  static constexpr int kFullFeatures = 0, kCompactFeatures = 1;
  int feature_set() const { return feature_set_; }
  // The UPOS index (into upos()) of each tag.
  const std::vector<int>& tag_upos_index() const { return tag_upos_index_; }
  int Label(std::string_view name) const;  // index, or -1
  int Tag(std::string_view upos_xpos) const;  // index, or -1

  // Model file: "PLSYN3", u8 beam width, u8 feature set, u16 tag count, the tags ("UPOS XPOS", each NUL-terminated), u16
  // label count, the labels (NUL-terminated), the word classes (WordClasses; may be empty),
  // the tagger's two models, the parser's model.
  static std::string Header(int beam, const std::vector<std::string>& tags,
                            const std::vector<std::string>& labels,
                            const std::string& classes = "", int feature_set = kFullFeatures);

 private:
  std::vector<std::string> tags_, tag_upos_, xpos_, upos_, labels_;
  LinearModel tagger_, retagger_, parser_;
  WordClasses classes_;
  int beam_ = 1, feature_set_ = kFullFeatures;
  std::vector<int> tag_upos_index_;
};

}  // namespace syntax
}  // namespace presslens

#endif  // PRESSLENS_SYNTAX_SYNTAX_MODEL_H_
