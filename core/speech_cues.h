// Speech cues and speaker words (data/speech-cues.txt, data/speaker-words.txt), loaded once.
// The speaker pass asks about nearly every token, so the lists are hash tables over the words'
// bytes (FlatMap) and a query builds no string.
#ifndef PRESSLENS_SPEECH_CUES_H_
#define PRESSLENS_SPEECH_CUES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
  std::string lemma;
  CueClass cls = CueClass::kSpeech;
  bool participle = false;  // the -ing form: its subject is the clause's subject
};

class SpeechLexicon {
 public:
  SpeechLexicon();
  // `lower` is a lower-case word; nullptr when it is no cue form.
  const CueInfo* Cue(std::string_view lower) const;
  // Role nouns and human roles, singular or plural ("groups", "officials", "spokesmen").
  bool IsRole(std::string_view lower) const { return HasNoun(roles_, lower); }
  bool IsHuman(std::string_view lower) const { return HasNoun(human_, lower); }
  bool IsTitle(std::string_view word) const { return Has(titles_, word); }
  bool IsDeterminer(std::string_view lower) const { return Has(determiners_, lower); }
  bool IsNotName(std::string_view word) const { return Has(not_names_, word); }
  // A noun naming what a quoted title labels ("the "Strike Hard" campaign").
  bool IsLabelNoun(std::string_view lower) const { return Has(labels_, lower); }
  // A word that introduces a label without a user ("so-called", "known as").
  bool IsLabelIntro(std::string_view lower) const { return Has(label_intros_, lower); }

 private:
  // A word list: hash of the word -> index into words (checked, so a hash collision cannot
  // make a word a member).
  struct Words {
    FlatMap index;
    std::vector<std::string> words;
    void Add(std::string_view w);
    bool Has(std::string_view w) const {
      const int32_t* k = index.Find(Hash(kHashSeed, w));
      return k && words[*k] == w;
    }
    // w's first `n` bytes followed by `suffix`, without building the string.
    bool HasStem(std::string_view w, size_t n, std::string_view suffix) const;
  };
  static bool Has(const Words& s, std::string_view w) { return s.Has(w); }
  static bool HasNoun(const Words& s, std::string_view w);
  FlatMap cue_index_;             // hash of a form -> index into cue_forms_ / cues_
  std::vector<std::string> cue_forms_;
  std::vector<CueInfo> cues_;
  Words roles_, human_, titles_, determiners_, not_names_, labels_, label_intros_;
};

}  // namespace presslens

#endif  // PRESSLENS_SPEECH_CUES_H_
