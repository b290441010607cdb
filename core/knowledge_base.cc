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

// a and b as ASCII lower case, compared as unsigned bytes (the file's order).
int CompareFolded(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = kFold.to_lower[static_cast<unsigned char>(a[i])];
    const unsigned char y = kFold.to_lower[static_cast<unsigned char>(b[i])];
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
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
  e.curated = line.find("gum-wiki-map") != std::string_view::npos;
  return e;
}

}  // namespace

KnowledgeBase::KnowledgeBase() {
  data_ = EmbeddedData("kb");
  while (!data_.empty() && data_[0] == '#') {
    const size_t nl = data_.find('\n');
    data_ = nl == std::string_view::npos ? std::string_view() : data_.substr(nl + 1);
  }
  lines_.reserve(data_.size() / 40);
  names_filter_.assign(size_t{1} << (kFilterBits - 6), 0);
  prefix_filter_.assign(size_t{1} << (kFilterBits - 6), 0);
  auto set = [](std::vector<uint64_t>* f, uint64_t h) {
    uint64_t a, b;
    FilterBits(h, &a, &b);
    (*f)[a >> 6] |= uint64_t{1} << (a & 63);
    (*f)[b >> 6] |= uint64_t{1} << (b & 63);
  };
  auto alnum = [](unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  };
  const char* const d = data_.data();
  const char* const end = d + data_.size();
  for (const char* p = d; p < end;) {
    lines_.push_back(static_cast<uint32_t>(p - d));
    uint64_t h = kHashSeed;
    for (const char* q = p; p < end && *p != '\t' && *p != '\n'; ++p) {
      // A prefix that ends where a token may end: before a space or a punctuation mark, or
      // after a punctuation mark.
      const unsigned char c = static_cast<unsigned char>(*p);
      if (p > q && (!alnum(c) || !alnum(static_cast<unsigned char>(p[-1]))))
        set(&prefix_filter_, h);
      h = (h ^ kFold.to_lower[c]) * kHashPrime;
    }
    set(&names_filter_, h);
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
    p = nl ? static_cast<const char*>(nl) + 1 : end;
  }
  lines_.push_back(static_cast<uint32_t>(data_.size()));
}

const KnowledgeBase& KnowledgeBase::Get() {
  static const KnowledgeBase* kb = new KnowledgeBase();
  return *kb;
}

size_t KnowledgeBase::size() const { return lines_.size() - 1; }

template <typename F>
void KnowledgeBase::ForEachNamed(std::string_view name, F&& f) const {
  if (!MayName(Hash(kHashSeed, name, true))) return;
  auto line = [&](size_t i) {  // without its newline
    const uint32_t s = lines_[i], e = lines_[i + 1];
    return data_.substr(s, e - s - (e > s && data_[e - 1] == '\n'));
  };
  auto name_of = [](std::string_view l) { return l.substr(0, l.find('\t')); };
  // The first line whose name is not below `name`.
  size_t lo = 0, hi = lines_.size() - 1;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (CompareFolded(name_of(line(mid)), name) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (size_t i = lo; i + 1 < lines_.size(); ++i) {
    const std::string_view l = line(i);
    if (CompareFolded(name_of(l), name) != 0) break;
    const KbEntry entry = ParseLine(l);
    if (SameName(name, entry.name)) f(entry);
  }
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
