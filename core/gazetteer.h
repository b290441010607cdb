// Known names (gazetteers and the user's lexicon) matched against tokens, plus the word lists
// the entity tagger uses as evidence: given names and titles.
#ifndef PRESSLENS_GAZETTEER_H_
#define PRESSLENS_GAZETTEER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "document.h"

namespace presslens {

struct KnownName {
  std::string type;       // PERSON ORG GPE LOC NORP EVENT
  std::string name;       // canonical name
  std::string country;    // NORP: the country of a demonym
  std::string refers_to;  // GPE/ORG: the country it stands for ("Kremlin" -> "Russia")
};

bool ValidEntityType(std::string_view type);

// ASCII lower case (non-ASCII bytes unchanged).
std::string Lower(std::string_view s);

// A table of names and their aliases, matched longest first on token sequences.
class NameTable {
 public:
  int Add(const KnownName& known, const std::vector<std::string_view>& aliases);
  // Parses the gazetteer line format: TYPE <tab> name <tab> a|b|c [<tab> key=value]...
  void AddLines(std::string_view data_name);

  // The longest known name starting at token `i`: returns its end token (exclusive) and sets
  // *id, or returns -1. Exact case, except that a run of all-caps tokens (a headline) matches
  // case-insensitively. Never crosses a line break.
  int Match(const Document& doc, int i, int* id) const;
  // The known name spelled exactly by tokens [first, last), case-insensitively; -1 if none.
  int Lookup(const Document& doc, int first, int last) const;
  const KnownName& known(int id) const { return known_[id]; }
  bool empty() const { return known_.empty(); }

 private:
  static std::string Key(const Document& doc, int first, int last);
  std::vector<KnownName> known_;
  std::unordered_map<std::string, int> exact_, folded_;
  std::unordered_set<std::string> first_words_;  // folded first token of every key
  int longest_ = 1;                              // in tokens
};

// The built-in knowledge, loaded once from data/.
struct Gazetteer {
  NameTable names;                          // gazetteer*.txt
  std::unordered_set<std::string> given;    // given names, exact case
  std::unordered_set<std::string> title_words;  // every word of a title, folded
  NameTable titles;                         // titles as names of type "TITLE"

  static const Gazetteer& Get();

 private:
  Gazetteer();
};

}  // namespace presslens

#endif  // PRESSLENS_GAZETTEER_H_
