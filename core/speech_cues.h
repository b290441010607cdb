// Speech cues and speaker words (data/speech-cues.txt, data/speaker-words.txt), loaded once.
#ifndef PRESSLENS_SPEECH_CUES_H_
#define PRESSLENS_SPEECH_CUES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

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
  static bool Has(const std::unordered_set<std::string>& s, std::string_view w) {
    return s.count(std::string(w)) > 0;
  }
  static bool HasNoun(const std::unordered_set<std::string>& s, std::string_view w);
  std::unordered_map<std::string, CueInfo> cues_;
  std::unordered_set<std::string> roles_, human_, titles_, determiners_, not_names_, labels_,
      label_intros_;
};

}  // namespace presslens

#endif  // PRESSLENS_SPEECH_CUES_H_
