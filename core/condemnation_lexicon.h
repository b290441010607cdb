// The cue lexicon and word lists of the condemnation pass, read from data/condemnation-cues.txt
// and data/condemnation-words.txt. The data lists lemmas; the regular inflections (-s, -ed,
// -ing, plurals, -ize/-ise) are generated here, once, when the Analyzer is built.
#ifndef PRESSLENS_CONDEMNATION_LEXICON_H_
#define PRESSLENS_CONDEMNATION_LEXICON_H_

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace presslens {

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

  // Entries whose first word has the lower-case form `w`, or null.
  const std::vector<CueFormRef>* Find(const std::string& w) const {
    auto it = forms_.find(w);
    return it == forms_.end() ? nullptr : &it->second;
  }
  const CueEntry& entry(int i) const { return entries_[i]; }

  // A word list from condemnation-words.txt (verbs inflected), by block name.
  bool In(const char* list, const std::string& w) const;
  const std::unordered_set<std::string>& List(const char* list) const;

  // Collective subjects ("both sides"), lower-case words.
  const std::vector<std::vector<std::string>>& collective() const { return collective_; }

  // CAMEO sub-codes of "accuse X of Z" with their keywords (single words or "a_b" phrases).
  struct Topic {
    std::string code;
    std::unordered_set<std::string> words;
    std::vector<std::vector<std::string>> phrases;
  };
  const std::vector<Topic>& topics() const { return topics_; }

 private:
  std::vector<CueEntry> entries_;
  std::unordered_map<std::string, std::vector<CueFormRef>> forms_;
  std::unordered_map<std::string, std::unordered_set<std::string>> lists_;
  std::vector<std::vector<std::string>> collective_;
  std::vector<Topic> topics_;
};

// Regular verb forms of a lemma: base, -s, -ed, -ing (in that order).
std::vector<std::string> VerbForms(const std::string& lemma);
// Regular plural of a noun.
std::string NounPlural(const std::string& noun);

}  // namespace presslens

#endif  // PRESSLENS_CONDEMNATION_LEXICON_H_
