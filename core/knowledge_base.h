// The knowledge base: names of countries, organisations, parties, companies, media and office
// holders with their Wikidata ids, compiled from data/kb.tsv (built by scripts/gen-kb.mjs
// from sourced tables; every line names its sources, data/LICENSES.md).
//
//   const KnowledgeBase& kb = KnowledgeBase::Get();
//   std::optional<KbEntry> e = kb.Find("Facebook", EntityType::kOrg, countries);
//   // e->wikidata == "Q355"
//
// A name is looked up whole ("Putin" is not "Vladimir Putin") and in its case, except that a
// name in capitals (a headline) matches any case, and so does a name the knowledge base has in
// lower case (from a source in capitals): "MO" (a brand) is not "Mo." (Missouri).
// Find answers only when exactly one entry of a compatible type has the name, or when the
// text's countries single one out ("Democratic Party" in a text about the United States):
// an ambiguous name gets no entry, since no id is better than a wrong one. A one-word name of
// an organisation of some country needs that country named in the text, unless the name is a
// curated one ("Facebook").
//
// The file has one name per line, sorted by the name in ASCII lower case: a lookup is a binary
// search over the lines' offsets, after a bit set of the names' hashes has turned away most
// names (news names most things the knowledge base does not know). Both are built in one pass
// over the bytes when the knowledge base is first used; a hash table of the names cost ten
// times as much, in cache misses.
#ifndef PRESSLENS_KNOWLEDGE_BASE_H_
#define PRESSLENS_KNOWLEDGE_BASE_H_

#include <optional>
#include <string_view>
#include <vector>

#include "gazetteer.h"

namespace presslens {

struct KbEntry {
  EntityType type = EntityType::kMisc;  // PERSON, ORG or GPE
  std::string_view name;                // as the knowledge base writes it
  std::string_view wikidata;            // "Q355", or empty (a row known only by its name)
  std::string_view country;             // the country it belongs to, or empty
  bool curated = false;                 // from data/kb-curated.tsv (the most-named names)
};

class KnowledgeBase {
 public:
  static const KnowledgeBase& Get();  // the embedded data/kb.tsv

  // The one entry named `name` (the entity's canonical name) whose type agrees with `type`
  // (GPE and LOC agree with each other), or none. When several agree, the one whose country
  // is among `countries` (the countries the text names), if exactly one is.
  std::optional<KbEntry> Find(std::string_view name, EntityType type,
                              const std::vector<std::string_view>& countries) const;
  // Whether some entry of another type than PERSON has the name and no PERSON entry does.
  bool NamesOnlyNonPersons(std::string_view name) const;
  // The types of the entries named `name` (as Find matches names), as bits: kKbPerson,
  // kKbOrg, kKbGpe; 0 when none is.
  static constexpr uint8_t kKbPerson = 1, kKbOrg = 2, kKbGpe = 4;
  uint8_t TypesNamed(std::string_view name) const;
  // False when no entry's name is `name` up to ASCII case, given Hash(kHashSeed, name, true):
  // a scan over a text's word sequences skips the search for most of them.
  bool MayName(uint64_t folded_hash) const { return InFilter(names_filter_, folded_hash); }
  // False when no entry's name continues after `prefix` (given as for MayName) with a space or
  // a punctuation mark, or after a punctuation mark that ends it: the scan stops extending.
  bool MayContinue(uint64_t folded_hash) const { return InFilter(prefix_filter_, folded_hash); }
  size_t size() const;  // names (lines)

 private:
  KnowledgeBase();
  // Calls f(entry) for each line whose name is `name` (SameName in knowledge_base.cc).
  template <typename F>
  void ForEachNamed(std::string_view name, F&& f) const;
  std::string_view data_;        // the lines, after the comment lines that open the file
  std::vector<uint32_t> lines_;  // offset of each line in data_, and data_.size() at the end
  // Bloom filters of folded hashes, two bits each (see FilterBits).
  static constexpr int kFilterBits = 20;
  static void FilterBits(uint64_t h, uint64_t* a, uint64_t* b) {
    *a = h >> (64 - kFilterBits);
    *b = (h * 0x9E3779B97F4A7C15ull) >> (64 - kFilterBits);
  }
  static bool InFilter(const std::vector<uint64_t>& f, uint64_t h) {
    uint64_t a, b;
    FilterBits(h, &a, &b);
    return (f[a >> 6] >> (a & 63) & 1) && (f[b >> 6] >> (b & 63) & 1);
  }
  std::vector<uint64_t> names_filter_, prefix_filter_;
};

}  // namespace presslens

#endif  // PRESSLENS_KNOWLEDGE_BASE_H_
