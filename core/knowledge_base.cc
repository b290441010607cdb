#include "knowledge_base.h"

#include <algorithm>

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

// `name` is `alias`: in the same case, or, equal up to ASCII case, written in capitals or
// given by the knowledge base in lower case (a source that has only capitals).
bool SameName(std::string_view name, std::string_view alias) {
  if (name == alias) return true;
  if (name.size() != alias.size()) return false;
  for (size_t i = 0; i < name.size(); ++i)
    if (kFold.to_lower[static_cast<unsigned char>(name[i])] !=
        kFold.to_lower[static_cast<unsigned char>(alias[i])])
      return false;
  bool name_lower = false, alias_upper = false;
  for (char c : name) name_lower = name_lower || (c >= 'a' && c <= 'z');
  for (char c : alias) alias_upper = alias_upper || (c >= 'A' && c <= 'Z');
  return !name_lower || !alias_upper;
}

uint32_t Key(std::string_view name) {
  const uint64_t h = Hash(kHashSeed, name, true);
  const uint32_t k = static_cast<uint32_t>(h ^ (h >> 32));
  return k ? k : 1;
}

bool Agree(EntityType entry, EntityType mention) {
  if (entry == EntityType::kGpe) return mention == EntityType::kGpe || mention == EntityType::kLoc;
  return entry == mention;
}

}  // namespace

KnowledgeBase::KnowledgeBase() {
  // TYPE <tab> name|alias|... <tab> QID or - <tab> country or - <tab> sources
  // Sized once (the table's probes miss the cache: growing it would redo them).
  const std::string_view data = EmbeddedData("kb");
  size_t lines = 0, bars = 0;
  for (char c : data) {
    lines += c == '\n';
    bars += c == '|';
  }
  entries_.reserve(lines);
  aliases_.reserve(lines + bars);
  size_t slots = 64;
  while (slots < 2 * (lines + bars)) slots *= 2;
  keys_.assign(slots, 0);
  heads_.assign(slots, -1);
  mask_ = static_cast<uint32_t>(slots - 1);
  ForEachDataLine("kb", [this](std::string_view line) {
    KbEntry e;
    e.type = EntityTypeOf(Field(&line));
    std::string_view names = Field(&line);
    e.wikidata = Field(&line);
    e.country = Field(&line);
    if (e.wikidata == "-") e.wikidata = {};
    if (e.country == "-") e.country = {};
    e.curated = Field(&line).find("gum-wiki-map") != std::string_view::npos;
    const int id = static_cast<int>(entries_.size());
    for (bool first = true; !names.empty(); first = false) {
      const size_t bar = names.find('|');
      const std::string_view alias = names.substr(0, bar);
      names = bar == std::string_view::npos ? std::string_view() : names.substr(bar + 1);
      if (first) e.name = alias;
      const uint32_t key = Key(alias);
      uint32_t slot = key & mask_;
      while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask_;
      keys_[slot] = key;
      aliases_.push_back({alias, id, heads_[slot]});
      heads_[slot] = static_cast<int32_t>(aliases_.size()) - 1;
    }
    entries_.push_back(e);
  });
}

const KnowledgeBase& KnowledgeBase::Get() {
  static const KnowledgeBase* kb = new KnowledgeBase();
  return *kb;
}

int KnowledgeBase::FirstAlias(std::string_view name) const {
  const uint32_t key = Key(name);
  for (uint32_t slot = key & mask_;; slot = (slot + 1) & mask_) {
    if (keys_[slot] == key) return heads_[slot];
    if (keys_[slot] == 0) return -1;
  }
}

const KbEntry* KnowledgeBase::Find(std::string_view name, EntityType type,
                                   const std::vector<std::string_view>& countries) const {
  const KbEntry* found = nullptr;
  const KbEntry* in_text = nullptr;  // the agreeing entry of a country the text names
  int agreeing = 0, agreeing_in_text = 0;
  for (int a = FirstAlias(name); a >= 0; a = aliases_[a].next) {
    const KbEntry& e = entries_[aliases_[a].entry];
    if (!Agree(e.type, type) || !SameName(name, aliases_[a].text) || (found && found == &e))
      continue;  // (found == &e: an entry's second alias)
    const bool country_named = !e.country.empty() && std::find(countries.begin(), countries.end(),
                                                               e.country) != countries.end();
    if (e.type == EntityType::kOrg && !e.curated && !e.country.empty() && !country_named &&
        name.find(' ') == std::string_view::npos)
      continue;
    found = &e;
    ++agreeing;
    if (country_named) {
      in_text = &e;
      ++agreeing_in_text;
    }
  }
  if (agreeing == 1) return found;
  return agreeing_in_text == 1 ? in_text : nullptr;
}

bool KnowledgeBase::NamesOnlyNonPersons(std::string_view name) const {
  bool other = false;
  for (int a = FirstAlias(name); a >= 0; a = aliases_[a].next) {
    if (!SameName(name, aliases_[a].text)) continue;
    const EntityType t = entries_[aliases_[a].entry].type;
    if (t == EntityType::kPerson) return false;
    other = true;
  }
  return other;
}

}  // namespace presslens
