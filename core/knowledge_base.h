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
// The file has one name per line, sorted by the name in ASCII lower case. A lookup is a bit set
// of the names' hashes, which turns away most names (news names most things the knowledge base
// does not know), then a binary search over the offsets of every kIndexStep-th line and a scan
// of the lines from there. scripts/embed-data.mjs computes the bit sets and the lengths of the
// blocks of lines at build time, and keeps of each line the fields read here, so that the
// first lookup only adds up the lengths.
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
  // The entries ForEachNamed visits, as [*first, *first + count): searched for once per thread
  // and name (texts name the same things again), then kept, for up to kNamesKept names.
  size_t Named(std::string_view name, const KbEntry** first) const;
  // Appends the entries named `name` to *out, searching the lines.
  void Search(std::string_view name, std::vector<KbEntry>* out) const;
  static constexpr size_t kNamesKept = 4096;
  // scripts/embed-data.mjs has the same constants and computes the filters.
  static constexpr int kFilterBits = 19;
  static constexpr int kIndexStep = 8;
  // Bloom filters of folded hashes, two bits each; bit b is bit b % 8 of byte b / 8.
  static bool InFilter(std::string_view f, uint64_t h) {
    if (f.empty()) return false;
    const uint64_t a = h >> (64 - kFilterBits);
    const uint64_t b = (h * 0x9E3779B97F4A7C15ull) >> (64 - kFilterBits);
    return (static_cast<unsigned char>(f[a >> 3]) >> (a & 7) & 1) &&
           (static_cast<unsigned char>(f[b >> 3]) >> (b & 7) & 1);
  }
  std::string_view data_;           // the lines
  std::string_view names_filter_;   // the names
  std::string_view prefix_filter_;  // the names' prefixes that end where a token may end
  std::vector<uint32_t> index_;  // offsets of lines 0, kIndexStep, 2 * kIndexStep, ...
};

}  // namespace presslens

#endif  // PRESSLENS_KNOWLEDGE_BASE_H_
