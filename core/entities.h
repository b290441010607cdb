// Entity mentions and their linking into canonical entities.
//
//   1. A learned tagger (ner_model.h: averaged perceptron over BIO tags of PER ORG LOC MISC,
//      trained on CoNLL-2003 by `npm run train:entities`) proposes spans.
//   2. Spans are cleaned (no punctuation, quote marks or clitics at the edges; titles such as
//      "Foreign Minister" cut off PERSON spans and kept as the entity's title) and typed:
//      the gazetteers (gazetteer.h, data/gazetteer*.txt) split LOC into GPE and LOC and
//      turn MISC into NORP or EVENT; other MISC spans are dropped.
//   3. Known names the tagger missed are added (groups, events, hand-kept organisations and
//      regions, countries, the surnames of the text's people); the user's lexicon overrides.
//   4. Mentions are linked: persons by the words of their fullest name ("Putin" -> "Vladimir
//      Putin"), known names by canonical name ("U.S." -> "United States"), organisations by
//      acronym and short form, anything else by its case-folded spelling (headlines).
#ifndef PRESSLENS_ENTITIES_H_
#define PRESSLENS_ENTITIES_H_

#include <memory>
#include <string>
#include <vector>

#include "document.h"

namespace presslens {

class EntityFinder {
 public:
  explicit EntityFinder(const std::vector<LexiconEntry>& user_lexicon,
                        std::vector<std::string>* errors);
  ~EntityFinder();
  struct Scratch;  // the pass's buffers, kept by the caller from one Run to the next
  static std::shared_ptr<Scratch> NewScratch();
  // Reads tokens, sentences and quote spans; fills doc->mentions and doc->entities.
  void Run(Document* doc, Scratch* scratch) const;

 private:
  struct Tables;
  // Everything after the tagger: its spans cleaned and typed, names it missed added
  // (steps 1-3 above), then LinkMentions: mentions linked into entities.
  void Link(Document* doc, Scratch* s) const;
  void CleanSpans(Document* doc, Scratch* s) const;
  void AddUserNames(const Document& doc, Scratch* s) const;
  bool AddPersonWords(Document* doc, Scratch* s) const;
  void AddKnownNames(Document* doc, Scratch* s, bool covered_ready) const;
  void LinkMentions(Document* doc, Scratch* s) const;
  void LinkNames(Document* doc, Scratch* s, size_t persons_count, size_t orgs_count) const;
  void IndexOrgNames(Document* doc, Scratch* s) const;
  void LinkPersons(Document* doc, Scratch* s, size_t persons_count) const;
  std::unique_ptr<Tables> tables_;
};

}  // namespace presslens

#endif  // PRESSLENS_ENTITIES_H_
