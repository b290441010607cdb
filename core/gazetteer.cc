#include "gazetteer.h"

#include <algorithm>

#include "data.h"

namespace presslens {
namespace {

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

// Tokens in an alias: a rough count (spaces + 1, plus slack for split punctuation).
int CountWords(std::string_view s) {
  int n = 1;
  for (char c : s) n += c == ' ' || c == '.' || c == '-' || c == '\'';
  return n;
}

}  // namespace

bool ValidEntityType(std::string_view t) {
  return t == "PERSON" || t == "ORG" || t == "GPE" || t == "LOC" || t == "NORP" || t == "EVENT";
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

int NameTable::Add(const KnownName& known, const std::vector<std::string_view>& aliases) {
  int id = static_cast<int>(known_.size());
  known_.push_back(known);
  auto add = [&](std::string_view alias, bool override_existing) {
    if (alias.empty()) return;
    std::string key(alias);
    longest_ = std::max(longest_, CountWords(key));
    std::string folded = Lower(key);
    first_words_.insert(folded.substr(0, folded.find(' ')));
    if (override_existing) {
      exact_[key] = id;
      folded_[folded] = id;
    } else {
      exact_.emplace(key, id);
      folded_.emplace(folded, id);
    }
  };
  add(known.name, true);
  for (std::string_view a : aliases) add(a, false);
  return id;
}

void NameTable::AddLines(std::string_view data_name) {
  for (std::string_view line : DataLines(data_name)) {
    auto f = Split(line, '\t');
    if (f.size() < 2 || f[1].empty()) continue;
    KnownName k{std::string(f[0]), std::string(f[1]), "", ""};
    for (size_t i = 3; i < f.size(); ++i) {
      if (f[i].rfind("country=", 0) == 0) k.country = std::string(f[i].substr(8));
      if (f[i].rfind("refersTo=", 0) == 0) k.refers_to = std::string(f[i].substr(9));
    }
    std::vector<std::string_view> aliases;
    if (f.size() > 2 && !f[2].empty()) aliases = Split(f[2], '|');
    Add(k, aliases);
  }
}

std::string NameTable::Key(const Document& doc, int first, int last) {
  std::string key;
  for (int j = first; j < last; ++j) {
    if (j > first && doc.tokens[j].space_before) key += ' ';
    key += doc.TokenText(j);
  }
  return key;
}

int NameTable::Match(const Document& doc, int i, int* id) const {
  const auto& tokens = doc.tokens;
  const int n = static_cast<int>(tokens.size());
  if (tokens[i].kind != TokenKind::kWord && tokens[i].kind != TokenKind::kNumber) return -1;
  std::string key(doc.TokenText(i));
  std::string folded = Lower(key);
  if (!first_words_.count(folded)) return -1;
  int best = -1;
  bool caps = true;  // every word so far is all caps
  for (int j = i; j < n && j - i < longest_; ++j) {
    const Token& t = tokens[j];
    if (j > i) {
      if (t.newline_before || t.kind == TokenKind::kQuote || t.kind == TokenKind::kClitic) break;
      std::string_view w = doc.TokenText(j);
      if (t.space_before) {
        key += ' ';
        folded += ' ';
      }
      key += w;
      folded += Lower(w);
    }
    if (t.kind == TokenKind::kWord && !t.all_caps) caps = false;
    const int* found = nullptr;
    auto it = exact_.find(key);
    if (it != exact_.end()) {
      found = &it->second;
    } else if (caps) {
      auto f = folded_.find(folded);
      if (f != folded_.end()) found = &f->second;
    }
    if (found) {
      best = j + 1;
      *id = *found;
    }
  }
  return best;
}

int NameTable::Lookup(const Document& doc, int first, int last) const {
  std::string key = Key(doc, first, last);
  auto it = exact_.find(key);
  if (it != exact_.end()) return it->second;
  it = folded_.find(Lower(key));
  return it != folded_.end() ? it->second : -1;
}

Gazetteer::Gazetteer() {
  names.AddLines("gazetteer");
  names.AddLines("gazetteer-places");
  names.AddLines("gazetteer-demonyms");
  for (std::string_view g : DataLines("given-names")) given.emplace(g);
  for (std::string_view t : DataLines("titles")) {
    std::string folded = Lower(t);
    titles.Add({"TITLE", std::string(t), "", ""}, {folded});
    for (std::string_view w : Split(folded, ' ')) title_words.emplace(w);
  }
}

const Gazetteer& Gazetteer::Get() {
  static const Gazetteer* g = new Gazetteer();
  return *g;
}

}  // namespace presslens
