// The cue lexicon and word lists of the condemnation pass, read from data/condemnation-cues.txt
// and data/condemnation-words.txt. The data lists lemmas; the regular inflections (-s, -ed,
// -ing, plurals, -ize/-ise) are generated here, once, when the Analyzer is built.
#ifndef PRESSLENS_CONDEMNATION_LEXICON_H_
#define PRESSLENS_CONDEMNATION_LEXICON_H_

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.h"

namespace presslens {

// A set of words keyed by Hash(kHashSeed, word) (gazetteer.h): the condemnation pass hashes
// each lower-case token once and asks many lists about it, so a query is one probe and one
// comparison (the stored word is compared, so a hash collision cannot make a word a member).
// Its own small open-addressing table, at most a quarter full (a miss usually ends at the first
// empty slot), with the words' bytes in one string: building the sets at every cold start makes
// no string per word.
class WordHashSet {
 public:
  WordHashSet() = default;
  WordHashSet(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) Insert(w);
  }
  void Insert(std::string_view w);
  // `h` is Hash(kHashSeed, w).
  bool Has(uint64_t h, std::string_view w) const {
    if (slots_.empty()) return false;
    for (size_t i = Home(h);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.size < 0) return false;
      if (s.hash == h && SameWord(std::string_view(bytes_).substr(s.offset, s.size), w))
        return true;
    }
  }
  bool Has(std::string_view w) const { return Has(Hash(kHashSeed, w), w); }
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0;  // the word in bytes_
    int32_t size = -1;    // -1: empty
  };
  size_t Home(uint64_t h) const { return (h ^ (h >> 29)) & mask_; }
  void Grow();
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
  std::string bytes_;
};

// One line of condemnation-cues.txt.
struct CueEntry {
  std::string lemma;              // as written in the data: "condemn", "hit out", "criticism"
  std::string cameo;              // the block's CAMEO code: "111"
  bool noun = false;
  std::vector<std::string> rest;  // words after the first: {"out"} for "hit out"
  std::vector<std::string> preps; // prepositions that introduce the target
  bool obj = false, that = false, clause = false, subj = false;
  bool light = false, verbal = false, actor = false, accuse = false, blame = false;
};

// How a written form relates to its entry.
enum class CueForm { kBase, kThird, kPast, kGerund, kNoun, kNounPlural };

struct CueFormRef {
  int entry;
  CueForm form;
};

class CueLexicon {
 public:
  CueLexicon();

  // Entries whose first word has the lower-case form `w` (`h` = Hash(kHashSeed, w)), or null.
  // Asked for every word of a text, nearly always in vain: a bit per hash bucket answers most
  // words before the table is probed.
  const std::vector<CueFormRef>* Find(uint64_t h, std::string_view w) const {
    const size_t bit = FilterBit(h);
    if (!(filter_[bit >> 6] >> (bit & 63) & 1)) return nullptr;
    const int32_t* k = form_index_.Find(h);
    return k && SameWord(forms_[*k].first, w) ? &forms_[*k].second : nullptr;
  }
  const std::vector<CueFormRef>* Find(std::string_view w) const {
    return Find(Hash(kHashSeed, w), w);
  }
  const CueEntry& entry(int i) const { return entries_[i]; }

  // A word list from condemnation-words.txt (verbs inflected), by block name.
  bool In(const char* list, std::string_view w) const;
  const WordHashSet& List(const char* list) const;

  // Collective subjects ("both sides"), lower-case words.
  const std::vector<std::vector<std::string>>& collective() const { return collective_; }

  // CAMEO sub-codes of "accuse X of Z" with their keywords (single words or "a_b" phrases).
  struct Topic {
    std::string code;
    WordHashSet words;
    std::vector<std::vector<std::string>> phrases;
  };
  const std::vector<Topic>& topics() const { return topics_; }

 private:
  std::vector<CueFormRef>& Forms(std::string_view form);  // adds the form when new
  static size_t FilterBit(uint64_t h) { return (h >> 40) & (kFilterBits - 1); }
  static constexpr size_t kFilterBits = 1 << 14;
  uint64_t filter_[kFilterBits / 64] = {};  // FilterBit of every form
  std::vector<CueEntry> entries_;
  // Written forms with their entries, in the order first seen; indexed by hash.
  std::vector<std::pair<std::string, std::vector<CueFormRef>>> forms_;
  FlatMap form_index_;
  std::vector<std::pair<std::string, WordHashSet>> lists_;  // by block name, a few dozen
  std::vector<std::vector<std::string>> collective_;
  std::vector<Topic> topics_;
};

// Regular verb forms of a lemma: base, -s, -ed, -ing (in that order).
std::array<std::string, 4> VerbForms(std::string_view lemma);
// Regular plural of a noun.
std::string NounPlural(std::string_view noun);

}  // namespace presslens

#endif  // PRESSLENS_CONDEMNATION_LEXICON_H_
