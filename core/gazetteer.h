// Known names (gazetteers and the user's lexicon) matched against tokens, plus the word lists
// the entity tagger uses as evidence: given names and titles.
//
// Every table is keyed by a 64-bit hash of the text, computed on the fly over token bytes
// (folded to lower case when asked), so matching allocates nothing: the entity pass runs on
// every token of every text.
#ifndef PRESSLENS_GAZETTEER_H_
#define PRESSLENS_GAZETTEER_H_

#include <cstdint>
#include <deque>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "bytes.h"
#include "document.h"

namespace presslens {

// Views into the embedded data files or into the NameTable's own copies: loading the
// gazetteers copies no string.
struct KnownName {
  std::string_view type;       // PERSON ORG GPE LOC NORP EVENT
  std::string_view name;       // canonical name
  std::string_view country;    // NORP: the country of a demonym; GPE: set to name for a country
  std::string_view refers_to;  // GPE/ORG: the country it stands for ("Kremlin" -> "Russia")
  std::string_view region;     // NORP: the region of the country whose people the demonym
                               // names ("Chechen": Chechnya); empty for a nationality
};

// ASCII lower case (non-ASCII bytes unchanged).
std::string Lower(std::string_view s);

// ASCII case folding as a table: one load per byte in the hashing loops below, which run
// over every token (a compare-and-add per byte costs more, natively and in wasm).
// Open-addressing hash map from a 64-bit key to an int32 value.
class FlatMap {
 public:
  // Inline: it is called for nearly every token from the other files of the entity pass.
  const int32_t* Find(uint64_t key) const {
    if (mask_ == 0) return nullptr;  // no slots yet
    if (key == 0) key = 1;
    const uint64_t* keys = keys_.data();
    for (size_t i = Slot(key) & mask_;; i = (i + 1) & mask_) {
      if (keys[i] == key) return &values_[i];
      if (keys[i] == 0) return nullptr;
    }
  }
  // Inserts; an existing key keeps its value unless `overwrite`. Inline, as Find: the entity
  // pass inserts every word of a text into a per-text map.
  void Insert(uint64_t key, int32_t value, bool overwrite = false) {
    bool inserted;
    int32_t* v = FindOrInsert(key, value, &inserted);
    if (overwrite && !inserted) *v = value;
  }
  // The value of `key`, inserted as `value` first if absent (*inserted says which).
  int32_t* FindOrInsert(uint64_t key, int32_t value, bool* inserted) {
    if (key == 0) key = 1;
    if (size_ >= grow_at_) Grow();  // at most half full
    uint64_t* keys = keys_.data();
    for (size_t i = Slot(key) & mask_;; i = (i + 1) & mask_) {
      if (keys[i] == key) {
        *inserted = false;
        return &values_[i];
      }
      if (keys[i] == 0) {
        keys[i] = key;
        values_[i] = value;
        ++size_;
        *inserted = true;
        return &values_[i];
      }
    }
  }
  bool Contains(uint64_t key) const { return Find(key) != nullptr; }
  void Clear();  // keeps the capacity
  // Room for `n` keys without growing: a per-text map sized up front skips the rehashes of
  // growing from 64 slots, which cost more than the inserts themselves on short texts.
  void Reserve(size_t n);
  // Empty, with room for `n` keys (at most kResetRoom), reusing the storage a reused map
  // already has: a map kept from one text to the next is cleared for its new size without an
  // allocation (memory beyond what the text needs is released once it is large). A long
  // text's maps are sized by its tokens or mentions but hold its distinct words, far fewer:
  // beyond kResetRoom they grow as keys come.
  static constexpr size_t kResetRoom = 32768;
  void Reset(size_t n);
  size_t size() const { return size_; }

 private:
  static uint64_t Slot(uint64_t key) {
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdull;
    key ^= key >> 33;
    return key;
  }
  void Grow();
  void Resize(size_t slots);
  std::vector<uint64_t> keys_;  // 0 = empty (a 0 key is stored as 1)
  std::vector<int32_t> values_;
  size_t size_ = 0;
  size_t mask_ = 0;     // keys_.size() - 1 once there are slots (at least 64)
  size_t grow_at_ = 0;  // keys_.size() / 2
};

// A set of hashes for lookups that mostly miss (is this word a given name, a title word, the
// first word of a known name?): a bitmap of 2^16 bits indexed by the top bits of the hash
// answers most misses with one load, before the table is probed.
class HashSet {
 public:
  // Inserts `key` with `value` (an existing key keeps its value).
  void Insert(uint64_t key, int32_t value = 0) {
    filter_[Bit(key) >> 6] |= uint64_t{1} << (Bit(key) & 63);
    map_.Insert(key, value);
  }
  bool Contains(uint64_t key) const { return Find(key) != nullptr; }
  // The value inserted with `key`, or null.
  const int32_t* Find(uint64_t key) const {
    return (filter_[Bit(key) >> 6] >> (Bit(key) & 63) & 1) ? map_.Find(key) : nullptr;
  }
  void Reserve(size_t n) { map_.Reserve(n); }
  size_t size() const { return map_.size(); }

 private:
  static size_t Bit(uint64_t key) { return static_cast<size_t>(key >> 48); }
  uint64_t filter_[1024] = {};
  FlatMap map_;
};

// Hash(kHashSeed, first word, true) of the first word of token i and the period after it, when
// one follows with no space ("Sen" "." -> "sen."), else `folded_first` (token i's): a name's
// first word runs to a space, and the tokenizer splits an abbreviation's period off.
uint64_t FirstWordWithPeriod(const Document& doc, int i, uint64_t folded_first);

// A table of names and their aliases, matched longest first on token sequences.
class NameTable {
 public:
  // Adds a name, copying its strings (the user's lexicon need not outlive the table).
  int Add(const KnownName& known, const std::vector<std::string_view>& aliases);
  // A name whose strings outlive the table (the embedded data), without aliases: AddAlias
  // adds them (the name itself too). Add is both, copying the strings.
  int AddStatic(const KnownName& known);
  void AddAlias(std::string_view alias, int id, bool overwrite);
  // Parses the gazetteer line format: TYPE <tab> name <tab> a|b|c [<tab> key=value]...
  // All files at once, so that the tables are sized once for all of them.
  void AddLines(std::initializer_list<std::string_view> data_names);

  // The longest known name starting at token `i`: returns its end token (exclusive) and sets
  // *id, or returns -1. Exact case, except that a run of all-caps tokens (a headline) matches
  // case-insensitively. Never crosses a line break, a quote mark or a clitic.
  int Match(const Document& doc, int i, int* id) const;
  // The same, given Hash(kHashSeed, token i) and Hash(kHashSeed, token i, fold = true) (the
  // tagger has them for every token): a name that is one word is found without hashing.
  int Match(const Document& doc, int i, uint64_t exact_first, uint64_t folded_first,
            int* id) const;
  // False when no name starts with that folded word (Match would return -1): lets a loop over
  // every token skip the call.
  bool MayStartWith(uint64_t folded_first) const { return first_words_.Contains(folded_first); }
  // The known name spelled by tokens [first, last): exact case first, then any case; or -1.
  int Lookup(const Document& doc, int first, int last) const;
  // The same, given the hashes of token `first` as for Match.
  int Lookup(const Document& doc, int first, int last, uint64_t exact_first,
             uint64_t folded_first) const;
  const KnownName& known(int id) const { return known_[id]; }
  EntityType type(int id) const { return types_[id]; }  // EntityTypeOf(known(id).type)
  bool empty() const { return known_.empty(); }

 private:
  // The alias from p up to a byte of class `stop` (see gazetteer.cc) or end; returns where it
  // stopped. Adds nothing when that is p.
  const char* AddAlias(const char* p, const char* end, unsigned stop, int id, bool overwrite);
  std::string_view Own(std::string_view s);
  std::vector<KnownName> known_;
  std::vector<EntityType> types_;
  std::deque<std::string> owned_;  // strings of names added by Add (a deque never moves them)
  FlatMap exact_, folded_;
  HashSet first_words_;  // folded first word of every alias
  FlatMap prefixes_;     // folded alias prefixes that end before a space
  int longest_ = 1;      // in tokens
};

// The built-in knowledge, loaded once from data/.
struct Gazetteer {
  NameTable names;      // gazetteer*.txt
  // Given names, exact case; each name's value is the gender it marks (kGivenMale,
  // kGivenFemale, or 0 when both genders bear it), the one pass over data/given-names.txt.
  HashSet given;
  HashSet title_words;  // every word of a title, folded
  NameTable titles;     // titles as names of type "TITLE", capitalised or lower case
  // How often English capitalises a word inside a sentence (data/word-case.bin, built by
  // scripts/gen-word-case.mjs from unlabeled text): 1 mostly lower case ("sees") ... 4 nearly
  // always capitalised ("Breitbart"); 0 for a word seen too rarely. Given the word's folded hash.
  // A table of its own: 32-bit slots (the key's bits with the class - 1 in the two low bits,
  // 0 for an empty slot); one lookup per distinct word of every text.
  int WordCase(uint64_t folded) const {
    if (word_case_.empty()) return 0;
    const uint32_t key = static_cast<uint32_t>(folded) & ~3u;
    const size_t mask = word_case_.size() - 1;
    for (size_t i = WordCaseSlot(key) & mask;; i = (i + 1) & mask) {
      const uint32_t v = word_case_[i];
      if (v == 0) return 0;
      if ((v & ~3u) == key) return static_cast<int>(v & 3) + 1;
    }
  }

  static constexpr int32_t kGivenMale = 1, kGivenFemale = 2;
  // The gender the given name `name` marks: kGivenMale, kGivenFemale, or 0 (not a given name,
  // or one both genders bear).
  int GivenNameGender(std::string_view name) const {
    const int32_t* gender = given.Find(Hash(kHashSeed, name));
    return gender ? *gender : 0;
  }

  static const Gazetteer& Get();

 private:
  Gazetteer();
  static size_t WordCaseSlot(uint32_t key) { return (key * 0x9E3779B1u) >> 7; }
  std::vector<uint32_t> word_case_;  // data/word-case.bin as a hash table (WordCase)
};

}  // namespace presslens

#endif  // PRESSLENS_GAZETTEER_H_
