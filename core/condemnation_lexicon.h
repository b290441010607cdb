// The cue lexicon and word lists of the condemnation pass, from data/condemnation-cues.txt and
// data/condemnation-words.txt. The data lists lemmas; the regular inflections (-s, -ed, -ing,
// plurals, -ize/-ise) are generated at build time by scripts/gen-lexicons.mjs, which compiles
// both files into the arrays of CueLexicon::kData: building the Analyzer (at every cold start)
// parses nothing, and only hashes the words into the lookup tables.
#ifndef PRESSLENS_CONDEMNATION_LEXICON_H_
#define PRESSLENS_CONDEMNATION_LEXICON_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "data.h"
#include "gazetteer.h"

namespace presslens {

using WordSpan = ArrayView<std::string_view>;

// A set of words keyed by Hash(kHashSeed, word) (gazetteer.h): the condemnation pass hashes
// each lower-case token once and asks many lists about it, so a query is one probe and one
// comparison (the stored word is compared, so a hash collision cannot make a word a member).
// Its own small open-addressing table, at most a quarter full (a miss usually ends at the first
// empty slot). The set views its words, which must outlive it: they are string literals and
// the generated lexicon's (building the sets at every cold start copies no string).
class WordHashSet {
 public:
  WordHashSet() = default;
  WordHashSet(std::initializer_list<std::string_view> words) {
    Reserve(words.size());
    for (std::string_view w : words) Insert(w);
  }
  explicit WordHashSet(WordSpan words) {
    Reserve(words.size());
    for (std::string_view w : words) Insert(w);
  }
  void Insert(std::string_view w);
  void Reserve(size_t n);  // room for n words without growing
  // `h` is Hash(kHashSeed, w).
  bool Has(uint64_t h, std::string_view w) const {
    if (slots_.empty()) return false;
    for (size_t i = Home(h);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.size < 0) return false;
      if (s.hash == h && static_cast<size_t>(s.size) == w.size() &&
          SameBytes(s.word, w.data(), w.size()))
        return true;
    }
  }
  bool Has(std::string_view w) const { return Has(Hash(kHashSeed, w), w); }
  size_t size() const { return size_; }
  // Calls f(word) for each word of the set.
  template <typename F>
  void ForEach(F&& f) const {
    for (const Slot& s : slots_)
      if (s.size >= 0) f(std::string_view(s.word, static_cast<size_t>(s.size)));
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    const char* word = nullptr;
    int32_t size = -1;  // -1: empty
  };
  size_t Home(uint64_t h) const { return (h ^ (h >> 29)) & mask_; }
  void Rehash(size_t slots);
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// One line of condemnation-cues.txt.
struct CueEntry {
  std::string_view lemma;  // as written in the data: "condemn", "hit out", "criticism"
  std::string_view cameo;  // the block's CAMEO code: "111"
  bool noun;
  WordSpan rest;   // words after the first: {"out"} for "hit out"
  WordSpan preps;  // prepositions that introduce the target
  bool obj, that, clause, subj;
  bool light, verbal, actor, accuse, blame;
  bool deny;      // a denial, not a disapproval (Result::denials)
  bool negative;  // a cue only when negated, and then not negated ("do not agree with")
  // An attitude that is disapproval only when the speaker states it: a first-person subject
  // (or none) inside a quote ("I hate this framing"); passive forms take the experiencer as
  // source and the by/with/at phrase as target ("I've been insulted by the term").
  bool expressed;
  // A verb of striking that is verbal only with a verbal object or a label or reason after
  // the object ("pounding Trump as a con artist", "bashed the board over the freeze").
  bool labelled;
  // A copula with a preposition ("was against the war"): the subject must name an actor.
  bool copula;
  // A that-clause that reports an actor's act, not a prediction: no modal or future in the
  // clause, an actor as its subject ("warned that the administration was relinquishing ...").
  bool factual;
};

// How a written form relates to its entry.
enum class CueForm { kBase, kThird, kPast, kGerund, kNoun, kNounPlural };

struct CueFormRef {
  int entry;
  CueForm form;
};
using CueFormRefs = ArrayView<CueFormRef>;

class CueLexicon {
 public:
  CueLexicon();

  // Entries whose first word has the lower-case form `w` (`h` = Hash(kHashSeed, w)), or null.
  // Asked for every word of a text, nearly always in vain: a bit per hash bucket answers most
  // words before the table is probed.
  const CueFormRefs* Find(uint64_t h, std::string_view w) const {
    const size_t bit = FilterBit(h);
    if (!(filter_[bit >> 6] >> (bit & 63) & 1)) return nullptr;
    const int32_t* k = form_index_.Find(h);
    if (!k) return nullptr;
    const std::string_view form = kData.forms[*k].word;
    if (form.size() != w.size() || !SameBytes(form.data(), w.data(), w.size())) return nullptr;
    return &kData.forms[*k].refs;
  }
  const CueFormRefs* Find(std::string_view w) const { return Find(Hash(kHashSeed, w), w); }
  const CueEntry& entry(int i) const { return kData.entries[i]; }

  // A word list by block name: a block of condemnation-words.txt (verbs inflected), or a
  // section of en/function-words.txt or speaker-words.txt that scripts/gen-lexicons.mjs
  // registers (FUNCTION_LISTS, SPEAKER_LISTS). A name the data does not define is a defect of
  // the build, not of the input: List() prints the name and aborts, so that a rule cannot
  // silently read an empty list. Every list is asked for while an Analyzer is built, so
  // building one checks every name.
  bool In(const char* list, std::string_view w) const;
  const WordHashSet& List(const char* list) const;
  // The words of a list of kData by block name, for passes that build their own sets; the
  // same contract as List().
  static WordSpan ListWords(std::string_view list);

  // Collective subjects ("both sides"), lower-case words.
  ArrayView<WordSpan> collective() const { return kData.collective; }

  // CAMEO sub-codes of "accuse X of Z" with their keywords (single words or "a_b" phrases).
  struct Topic {
    std::string_view code;
    WordHashSet words;
    ArrayView<WordSpan> phrases;
  };
  const std::vector<Topic>& topics() const { return topics_; }

  // The generated arrays (scripts/gen-lexicons.mjs), in the order of the data files.
  struct FormData {
    std::string_view word;  // a written form: "condemned"
    CueFormRefs refs;       // its entries
  };
  struct ListData {
    std::string_view name;  // block name
    WordSpan words;         // verbs with their regular forms
  };
  struct TopicData {
    std::string_view code;
    WordSpan words;
    ArrayView<WordSpan> phrases;
  };
  struct Data {
    ArrayView<CueEntry> entries;
    ArrayView<FormData> forms;
    ArrayView<ListData> lists;
    ArrayView<WordSpan> collective;
    ArrayView<TopicData> topics;
  };
  static const Data kData;

 private:
  static size_t FilterBit(uint64_t h) { return (h >> 40) & (kFilterBits - 1); }
  static constexpr size_t kFilterBits = 1 << 14;
  uint64_t filter_[kFilterBits / 64] = {};  // FilterBit of every form
  FlatMap form_index_;  // form hash -> index into kData.forms
  std::vector<std::pair<std::string_view, WordHashSet>> lists_;  // by block name, a few dozen
  std::vector<Topic> topics_;
};

}  // namespace presslens

#endif  // PRESSLENS_CONDEMNATION_LEXICON_H_
