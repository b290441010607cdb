// Speech cues, speaker words and function words (data/speech-cues.txt, data/speaker-words.txt,
// data/en/function-words.txt), compiled at build time by scripts/gen-lexicons.mjs (plurals and
// lower-case spellings included): building the table at every cold start hashes each word once
// and parses nothing.
// The speaker pass asks about nearly every token, so all the lists live in one hash table over
// the words' bytes (FlatMap): one probe with a token's folded hash tells every class of its
// lower-case form and its cue, and a query builds no string.
#ifndef PRESSLENS_SPEECH_CUES_H_
#define PRESSLENS_SPEECH_CUES_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "data.h"
#include "gazetteer.h"

namespace presslens {

enum class CueClass : uint8_t {
  kSpeech,     // say, tell, add ...: reports words
  kNaming,     // term, call, describe ...: gives a label its user
  kUtter,      // shout, yell ...: the object is an utterance
  kReport,     // agree, thank, accuse ...: attributes a quoted fragment only
  kAccording,  // "according to"
};

struct CueInfo {
  std::string_view lemma;
  CueClass cls;
  bool participle;  // the -ing form: its subject is the clause's subject
};

// Word classes, as bits: bits 0-7 apply to a word's exact spelling, bits 8-21 to its
// lower-case form (a table entry keeps the two sets apart). The section of each data file that
// fills a class is named after the class (scripts/gen-lexicons.mjs keeps the same numbers).
enum WordClass : uint32_t {
  // Exact spellings.
  kTitle = 1u << 0,           // [title] dropped before a name ("Foreign Minister Wang Yi")
  kNotName = 1u << 1,         // [not-name] capitalised words that never start a name
  kParticle = 1u << 2,        // [particle] name particles ("bin", "van")
  kWeekday = 1u << 3,         // [weekday]
  kMaleHonorific = 1u << 4,   // [male-honorific] "Mr", "Sir"
  kFemaleHonorific = 1u << 5, // [female-honorific] "Mrs", "Ms"
  // Lower-case forms: data/speaker-words.txt
  kRole = 1u << 8,         // [role] role nouns, singular or plural ("officials", "spokesmen")
  kHuman = 1u << 9,        // [human] roles that are people, singular or plural
  kDeterminer = 1u << 10,  // [determiner]
  kLabelNoun = 1u << 11,   // [label] a noun naming what a quoted title labels ("the "X" campaign")
  kLabelIntro = 1u << 12,  // [label-before] introduces a label without a user ("so-called")
  kMasculine = 1u << 13,   // [masculine] nouns of male people ("spokesman", "king")
  kFeminine = 1u << 14,    // [feminine] nouns of female people ("spokeswoman", "queen")
  kPluralNoun = 1u << 15,  // [plural] plurals without -s ("men", "police", "staff")
  // Lower-case forms: data/en/function-words.txt
  kPronoun = 1u << 16,      // [pronoun]
  kStopWord = 1u << 17,     // [stop]
  kPreposition = 1u << 18,  // [preposition]
  kSkippable = 1u << 19,    // [skippable]
  kAndOr = 1u << 20,        // [and-or] coordinators before a name ("and", "or", "&", "nor")
  kNotVerb = 1u << 21,      // [not-verb] lower-case words after a name that are no verb
  // (Entry::lower only) the lower-case form of a word of an exact-case list: a spelling with
  // capitals whose lower-case form lacks it is in no exact-case list.
  kSpellings = 1u << 31,
};

class SpeechLexicon {
 public:
  // One word of the table with its classes.
  struct Entry {
    uint32_t offset = 0, size = 0;  // the word, in words_
    uint32_t lower = 0;             // WordClass bits of the word as a lower-case form
    uint32_t exact = 0;             // WordClass bits of the word as an exact spelling
    int32_t cue = -1;               // index into cues_, for a lower-case cue form
  };

  SpeechLexicon();

  // The entry of `w`, given h = Hash(kHashSeed, w); nullptr when it is in no list.
  // Inline, and a table of its own rather than a FlatMap: it runs for every token. Most words
  // of a text are in no list: a bit per hash bucket (2 KB, unlike the table, stays in the
  // nearest cache) answers most of them without touching the table, which is kept at most
  // half full (a third for the data).
  const Entry* Find(uint64_t h, std::string_view w) const {
    const size_t bit = FilterBit(h);
    if (!(filter_[bit >> 6] >> (bit & 63) & 1)) return nullptr;
    for (size_t i = Slot(h);; i = (i + 1) & mask_) {
      const int32_t k = slots_[i].entry;
      if (k < 0) return nullptr;
      if (slots_[i].hash == h) {  // (two words with one 64-bit hash: only the first is kept)
        const Entry& e = entries_[k];
        return e.size == w.size() && SameBytes(words_.data() + e.offset, w.data(), w.size())
                   ? &e
                   : nullptr;
      }
    }
  }
  const CueInfo* cue(const Entry& e) const { return e.cue >= 0 ? &kData.cues[e.cue] : nullptr; }

  // `lower` is a lower-case word; nullptr when it is no cue form.
  const CueInfo* Cue(std::string_view lower) const {
    const Entry* e = Find(Hash(kHashSeed, lower), lower);
    return e ? cue(*e) : nullptr;
  }
  bool IsLower(std::string_view lower, uint32_t classes) const {
    const Entry* e = Find(Hash(kHashSeed, lower), lower);
    return e && (e->lower & classes);
  }
  bool IsExact(std::string_view word, uint32_t classes) const {
    const Entry* e = Find(Hash(kHashSeed, word), word);
    return e && (e->exact & classes);
  }
  bool IsTitle(std::string_view word) const { return IsExact(word, kTitle); }

  // The generated lexicon: an entry per word, the words' bytes one after another.
  struct PackedEntry {
    uint8_t size;    // of the word
    uint8_t cue;     // Entry::cue + 1
    uint8_t exact;   // Entry::exact
    uint16_t lower;  // Entry::lower >> 8, with kSpellings as bit 15
  };
  struct Data {
    ArrayView<PackedEntry> entries;
    std::string_view words;
    ArrayView<CueInfo> cues;
  };
  static const Data kData;

 private:
  std::string_view Word(const Entry& e) const {
    return std::string_view(words_).substr(e.offset, e.size);
  }
  // Appends e, a new word of hash h already in words_.
  Entry* Append(const Entry& e, uint64_t h);

  // Open addressing from Hash(kHashSeed, word) to an index into entries_ (-1: empty).
  struct HashSlot {
    uint64_t hash = 0;
    int32_t entry = -1;
  };
  size_t Slot(uint64_t h) const { return (h ^ (h >> 31)) & mask_; }
  static size_t FilterBit(uint64_t h) { return (h >> 44) & (kFilterBits - 1); }
  static constexpr size_t kFilterBits = 1 << 14;
  uint64_t filter_[kFilterBits / 64] = {};  // FilterBit of every word
  void Grow();
  std::vector<HashSlot> slots_;
  size_t mask_ = 0;
  std::vector<Entry> entries_;
  std::string words_;            // the words' bytes, one after another
};

}  // namespace presslens

#endif  // PRESSLENS_SPEECH_CUES_H_
