// The knowledge base: names of countries, organisations, parties, companies, media and office
// holders with their Wikidata ids, compiled from data/kb.tsv (built by scripts/gen-kb.mjs
// from sourced tables; every row names its sources, data/LICENSES.md).
//
//   const KnowledgeBase& kb = KnowledgeBase::Get();
//   const KbEntry* e = kb.Find("Facebook", EntityType::kOrg, countries);  // e->wikidata "Q355"
//
// A name is looked up whole ("Putin" is not "Vladimir Putin") and in its case, except that a
// name in capitals (a headline) matches any case, and so does a name the knowledge base has in
// lower case (from a source in capitals): "MO" (a brand) is not "Mo." (Missouri).
// Find answers only when exactly one entry of a compatible type has the name, or when the
// text's countries single one out ("Democratic Party" in a text about the United States):
// an ambiguous name gets no entry, since no id is better than a wrong one. A one-word name of
// an organisation of some country ("Demos", a party) needs that country named in the text,
// unless the name is a curated one ("Facebook").
#ifndef PRESSLENS_KNOWLEDGE_BASE_H_
#define PRESSLENS_KNOWLEDGE_BASE_H_

#include <string_view>
#include <vector>

#include "gazetteer.h"

namespace presslens {

struct KbEntry {
  EntityType type = EntityType::kMisc;  // PERSON, ORG or GPE (a country)
  std::string_view name;                // the first name of the row
  std::string_view wikidata;            // "Q355", or empty (a row known only by its name)
  std::string_view country;             // the country it belongs to, or empty
  bool curated = false;                 // from data/kb-curated.tsv (the most-named names)
};

class KnowledgeBase {
 public:
  static const KnowledgeBase& Get();  // loaded from the embedded data/kb.tsv on first use

  // The one entry named `name` (any ASCII case) whose type agrees with `type` (GPE and LOC
  // agree with each other), or nullptr. When several agree, the one whose country is among
  // `countries` (the countries the text names), if exactly one is. `name` is a whole name: the
  // entity's canonical name.
  const KbEntry* Find(std::string_view name, EntityType type,
                      const std::vector<std::string_view>& countries) const;
  // Whether some entry of another type than PERSON has the name and no PERSON entry does.
  bool NamesOnlyNonPersons(std::string_view name) const;
  size_t size() const { return entries_.size(); }

 private:
  KnowledgeBase();
  struct Alias {
    std::string_view text;
    int entry, next;  // the entry, and the next alias with the same folded hash (or -1)
  };
  int FirstAlias(std::string_view name) const;
  std::vector<KbEntry> entries_;
  std::vector<Alias> aliases_;
  // Hash(folded alias) -> first index in aliases_, open addressing on 32 bits of the hash: the
  // table is built at the first lookup, and 32-bit keys keep its probes in the cache (64-bit
  // keys doubled the build's cache misses). Aliases of one 32-bit key share a chain; Find
  // compares the text.
  std::vector<uint32_t> keys_;  // 0 = empty
  std::vector<int32_t> heads_;
  uint32_t mask_ = 0;
};

}  // namespace presslens

#endif  // PRESSLENS_KNOWLEDGE_BASE_H_
