#include "knowledge_base.h"

#include <algorithm>
#include <cstring>

#include "data.h"

namespace presslens {
namespace {

// The next tab-separated field of a line.
std::string_view Field(std::string_view* rest) {
  const size_t tab = rest->find('\t');
  const std::string_view f = rest->substr(0, tab);
  *rest = tab == std::string_view::npos ? std::string_view() : rest->substr(tab + 1);
  return f;
}

// `name` (equal to `kb_name` up to ASCII case) is that name: in the same case, or written in
// capitals, or the knowledge base has it in lower case (a source that has only capitals).
bool SameName(std::string_view name, std::string_view kb_name) {
  if (name == kb_name) return true;
  bool name_lower = false, kb_upper = false;
  for (char c : name) name_lower = name_lower || (c >= 'a' && c <= 'z');
  for (char c : kb_name) kb_upper = kb_upper || (c >= 'A' && c <= 'Z');
  return !name_lower || !kb_upper;
}

bool Agree(EntityType entry, EntityType mention) {
  if (entry == EntityType::kGpe) return mention == EntityType::kGpe || mention == EntityType::kLoc;
  return entry == mention;
}

// name <tab> TYPE <tab> QID or - <tab> country or - <tab> sources
KbEntry ParseLine(std::string_view line) {
  KbEntry e;
  e.name = Field(&line);
  e.type = EntityTypeOf(Field(&line));
  e.wikidata = Field(&line);
  e.country = Field(&line);
  if (e.wikidata == "-") e.wikidata = {};
  if (e.country == "-") e.country = {};
  e.curated = line.find("kb-curated") != std::string_view::npos;
  return e;
}

}  // namespace

KnowledgeBase::KnowledgeBase()
    : data_(EmbeddedData("kb")),
      names_filter_(EmbeddedData("kb-names")),
      prefix_filter_(EmbeddedData("kb-prefixes")) {
  constexpr size_t kFilterBytes = (size_t{1} << kFilterBits) / 8;
  if (names_filter_.size() != kFilterBytes || prefix_filter_.size() != kFilterBytes)
    data_ = names_filter_ = prefix_filter_ = {};
  const std::string_view lengths = EmbeddedData("kb-index");  // uint16 little-endian
  index_.reserve(lengths.size() / 2);
  uint32_t offset = 0;
  for (size_t k = 0; k + 1 < lengths.size(); k += 2) {
    index_.push_back(offset);
    offset += static_cast<unsigned char>(lengths[k]) | static_cast<unsigned char>(lengths[k + 1]) << 8;
  }
}

const KnowledgeBase& KnowledgeBase::Get() {
  static const KnowledgeBase* kb = new KnowledgeBase();
  return *kb;
}

size_t KnowledgeBase::size() const {
  return static_cast<size_t>(std::count(data_.begin(), data_.end(), '\n'));
}

// Appends the entries named `name` to *out: a binary search over the indexed lines, then a scan
// of the lines from there.
void KnowledgeBase::Search(std::string_view name, std::vector<KbEntry>* out) const {
  const char* const d = data_.data();
  const size_t n = data_.size();
  // The order of the name of the line starting at s against `name`: their ASCII lower case
  // compared as unsigned bytes (the file's order).
  auto compare_at = [&](size_t s) {
    const size_t m = std::min(n - s, name.size());
    for (size_t i = 0; i < m; ++i) {
      if (d[s + i] == '\t' || d[s + i] == '\n') return -1;  // a shorter name
      const unsigned char x = kFold.to_lower[static_cast<unsigned char>(d[s + i])];
      const unsigned char y = kFold.to_lower[static_cast<unsigned char>(name[i])];
      if (x != y) return x < y ? -1 : 1;
    }
    const bool ends = s + m == n || d[s + m] == '\t' || d[s + m] == '\n';
    return m < name.size() ? -1 : ends ? 0 : 1;
  };
  auto indexed = [&](size_t k) { return static_cast<size_t>(index_[k]); };
  // The first indexed line whose name is not below `name`; the first such line of all is at
  // most kIndexStep lines before it.
  size_t lo = 0, hi = index_.size();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (compare_at(indexed(mid)) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (size_t s = lo > 0 ? indexed(lo - 1) : 0; s < n;) {
    const void* nl = std::memchr(d + s, '\n', n - s);
    const size_t e = nl ? static_cast<size_t>(static_cast<const char*>(nl) - d) : n;
    const int order = compare_at(s);
    if (order > 0) break;
    if (order == 0) {
      const KbEntry entry = ParseLine(data_.substr(s, e - s));
      if (SameName(name, entry.name)) out->push_back(entry);
    }
    s = e + 1;
  }
}

template <typename F>
void KnowledgeBase::ForEachNamed(std::string_view name, F&& f) const {
  if (!MayName(Hash(kHashSeed, name, true))) return;
  const KbEntry* first = nullptr;
  const size_t count = Named(name, &first);
  for (size_t k = 0; k < count; ++k) f(first[k]);
}

size_t KnowledgeBase::Named(std::string_view name, const KbEntry** first) const {
  // Per thread: the names searched (key: Hash(kHashSeed, name)) -> their span in `entries`.
  struct Entries {
    uint32_t start, count;
  };
  thread_local FlatMap index;
  thread_local std::vector<Entries> spans;
  thread_local std::vector<KbEntry> entries;
  if (spans.size() >= kNamesKept || index.size() == 0) {
    index.Reset(64);
    spans.clear();
    entries.clear();
  }
  bool inserted;
  int32_t* at = index.FindOrInsert(Hash(kHashSeed, name), static_cast<int32_t>(spans.size()), &inserted);
  if (inserted) {
    const size_t start = entries.size();
    Search(name, &entries);
    spans.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(entries.size() - start)});
  }
  const Entries& span = spans[static_cast<size_t>(*at)];
  *first = entries.data() + span.start;
  return span.count;
}

std::optional<KbEntry> KnowledgeBase::Find(std::string_view name, EntityType type,
                                           const std::vector<std::string_view>& countries) const {
  std::optional<KbEntry> found, in_text;  // in_text: the agreeing entry of a country named
  int agreeing = 0, agreeing_in_text = 0;
  ForEachNamed(name, [&](const KbEntry& e) {
    if (!Agree(e.type, type)) return;
    // Two names of one entity ("NATO", "Nato") are one entry.
    if (found && !e.wikidata.empty() && e.wikidata == found->wikidata) return;
    const bool country_named = !e.country.empty() && std::find(countries.begin(), countries.end(),
                                                               e.country) != countries.end();
    if (e.type == EntityType::kOrg && !e.curated && !e.country.empty() && !country_named &&
        name.find(' ') == std::string_view::npos)
      return;
    found = e;
    ++agreeing;
    if (country_named) {
      in_text = e;
      ++agreeing_in_text;
    }
  });
  if (agreeing == 1) return found;
  if (agreeing_in_text == 1) return in_text;
  return std::nullopt;
}

bool KnowledgeBase::NamesOnlyNonPersons(std::string_view name) const {
  bool person = false, other = false;
  ForEachNamed(name, [&](const KbEntry& e) {
    (e.type == EntityType::kPerson ? person : other) = true;
  });
  return other && !person;
}

uint8_t KnowledgeBase::TypesNamed(std::string_view name) const {
  uint8_t types = 0;
  ForEachNamed(name, [&](const KbEntry& e) {
    types |= e.type == EntityType::kPerson ? kKbPerson : e.type == EntityType::kOrg ? kKbOrg
                                                                                     : kKbGpe;
  });
  return types;
}

}  // namespace presslens
