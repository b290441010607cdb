#include "entities.h"

#include <unordered_map>

#include "data.h"

namespace presslens {
namespace {

struct Known {
  std::string type, name, country, refers_to;
};

bool ValidType(std::string_view t) {
  return t == "PERSON" || t == "ORG" || t == "GPE" || t == "LOC" || t == "NORP" || t == "EVENT";
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    size_t p = s.find(sep);
    out.push_back(s.substr(0, p));
    if (p == std::string_view::npos) break;
    s.remove_prefix(p + 1);
  }
  return out;
}

}  // namespace

struct EntityFinder::Tables {
  // Token sequence (words joined by single spaces) -> known name.
  std::unordered_map<std::string, int> names;
  std::vector<Known> known;
  size_t longest = 1;  // in tokens

  void Add(std::string_view alias, int id) {
    std::string key(alias);
    if (key.empty()) return;
    size_t words = 1;
    for (char c : key) words += c == ' ';
    longest = std::max(longest, words + 2);  // "U.S." style tokens may add punctuation
    names.emplace(key, id);
  }
};

EntityFinder::EntityFinder(const std::vector<LexiconEntry>& user_lexicon,
                           std::vector<std::string>* errors)
    : tables_(new Tables) {
  for (std::string_view line : DataLines("gazetteer")) {
    auto f = Split(line, '\t');
    if (f.size() < 2 || !ValidType(f[0])) continue;
    Known k{std::string(f[0]), std::string(f[1]), "", ""};
    for (size_t i = 3; i < f.size(); ++i) {
      if (f[i].rfind("country=", 0) == 0) k.country = std::string(f[i].substr(8));
      if (f[i].rfind("refersTo=", 0) == 0) k.refers_to = std::string(f[i].substr(9));
    }
    int id = static_cast<int>(tables_->known.size());
    tables_->known.push_back(k);
    tables_->Add(f[1], id);
    if (f.size() > 2 && !f[2].empty())
      for (std::string_view a : Split(f[2], '|')) tables_->Add(a, id);
  }
  for (const LexiconEntry& e : user_lexicon) {
    if (e.name.empty() || !ValidType(e.type)) {
      errors->push_back("lexicon entry '" + e.name + "' ignored: type must be one of PERSON, "
                        "ORG, GPE, LOC, NORP, EVENT and name must not be empty");
      continue;
    }
    int id = static_cast<int>(tables_->known.size());
    tables_->known.push_back({e.type, e.name, "", ""});
    tables_->names[e.name] = id;  // user names win over built-in ones
    for (const std::string& a : e.aliases) tables_->names[a] = id;
  }
}

EntityFinder::~EntityFinder() = default;

void EntityFinder::Run(Document* doc) const {
  const auto& tokens = doc->tokens;
  const int n = static_cast<int>(tokens.size());
  std::unordered_map<std::string, int> entity_by_name;
  auto entity_for = [&](const std::string& type, const std::string& name) {
    auto it = entity_by_name.find(type + '\t' + name);
    if (it != entity_by_name.end()) return it->second;
    int id = static_cast<int>(doc->result.entities.size());
    Entity e;
    e.type = type;
    e.name = name;
    doc->result.entities.push_back(e);
    entity_by_name.emplace(type + '\t' + name, id);
    return id;
  };
  std::string key;
  for (int i = 0; i < n;) {
    int best_end = -1, best_id = -1;
    key.clear();
    for (int j = i; j < n && j - i < static_cast<int>(tables_->longest); ++j) {
      if (tokens[j].kind != TokenKind::kWord && tokens[j].kind != TokenKind::kPunct) break;
      if (j > i) {
        if (tokens[j].newline_before) break;
        if (tokens[j].space_before) key += ' ';
      }
      key += doc->TokenText(j);
      auto it = tables_->names.find(key);
      if (it != tables_->names.end()) {
        best_end = j + 1;
        best_id = it->second;
      }
    }
    if (best_id < 0) {
      ++i;
      continue;
    }
    const Known& k = tables_->known[best_id];
    Mention m;
    m.first = i;
    m.last = best_end;
    m.start = tokens[i].start;
    m.end = tokens[best_end - 1].end;
    m.type = k.type;
    m.rule = "lexicon";
    m.entity = entity_for(k.type, k.name);
    Entity& e = doc->result.entities[m.entity];
    e.country = k.country;
    e.refers_to = k.refers_to;
    e.mentions.push_back({m.start, m.end});
    doc->mentions.push_back(m);
    i = best_end;
  }
}

}  // namespace presslens
