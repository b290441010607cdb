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



void FlatMap::Insert(uint64_t key, int32_t value, bool overwrite) {
  if (key == 0) key = 1;
  if ((size_ + 1) * 2 > keys_.size()) Grow();
  const size_t mask = keys_.size() - 1;
  for (size_t i = Slot(key) & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) {
      if (overwrite) values_[i] = value;
      return;
    }
    if (keys_[i] == 0) {
      keys_[i] = key;
      values_[i] = value;
      ++size_;
      return;
    }
  }
}

void FlatMap::Grow() {
  std::vector<uint64_t> keys = std::move(keys_);
  std::vector<int32_t> values = std::move(values_);
  keys_.assign(keys.empty() ? 64 : keys.size() * 2, 0);
  values_.assign(keys_.size(), 0);
  size_ = 0;
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i]) Insert(keys[i], values[i]);
}

void FlatMap::Reserve(size_t n) {
  size_t slots = 64;
  while (slots < 2 * n) slots *= 2;
  if (slots <= keys_.size()) return;
  std::vector<uint64_t> keys = std::move(keys_);
  std::vector<int32_t> values = std::move(values_);
  keys_.assign(slots, 0);
  values_.assign(slots, 0);
  size_ = 0;
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i]) Insert(keys[i], values[i]);
}

void FlatMap::Clear() {
  if (size_ == 0) return;
  std::fill(keys_.begin(), keys_.end(), 0);
  size_ = 0;
}

int NameTable::Add(const KnownName& known, const std::vector<std::string_view>& aliases) {
  int id = static_cast<int>(known_.size());
  known_.push_back(known);
  auto add = [&](std::string_view alias, bool overwrite) {
    if (alias.empty()) return;
    longest_ = std::max(longest_, CountWords(alias));
    exact_.Insert(Hash(kHashSeed, alias), id, overwrite);
    folded_.Insert(Hash(kHashSeed, alias, true), id, overwrite);
    first_words_.Insert(Hash(kHashSeed, alias.substr(0, alias.find(' ')), true), 0);
    for (size_t sp = alias.find(' '); sp != std::string_view::npos; sp = alias.find(' ', sp + 1))
      prefixes_.Insert(Hash(kHashSeed, alias.substr(0, sp), true), 0);
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

int NameTable::Match(const Document& doc, int i, int* id) const {
  return Match(doc, i, Hash(kHashSeed, doc.TokenText(i), true), id);
}

int NameTable::Match(const Document& doc, int i, uint64_t folded_first, int* id) const {
  const auto& tokens = doc.tokens;
  const int n = static_cast<int>(tokens.size());
  if (tokens[i].kind != TokenKind::kWord && tokens[i].kind != TokenKind::kNumber) return -1;
  if (!first_words_.Contains(folded_first)) return -1;
  uint64_t exact = kHashSeed, folded = kHashSeed;
  int best = -1;
  bool caps = true;  // every word so far is all caps
  for (int j = i; j < n && j - i < longest_; ++j) {
    const Token& t = tokens[j];
    if (j > i) {
      if (t.newline_before || t.kind == TokenKind::kQuote || t.kind == TokenKind::kClitic) break;
      if (t.space_before) {
        exact = Hash(exact, " ");
        folded = Hash(folded, " ");
      }
    }
    std::string_view tw = doc.TokenText(j);
    exact = Hash(exact, tw);
    folded = Hash(folded, tw, true);
    if (t.kind == TokenKind::kWord && !t.all_caps) caps = false;
    const int32_t* found = exact_.Find(exact);
    if (!found && caps) found = folded_.Find(folded);
    if (found) {
      best = j + 1;
      *id = *found;
    }
    // Before a space, go on only if some name goes on from here.
    if (j + 1 < n && tokens[j + 1].space_before && !prefixes_.Contains(folded)) break;
  }
  return best;
}

int NameTable::Lookup(const Document& doc, int first, int last) const {
  uint64_t exact = kHashSeed, folded = kHashSeed;
  for (int j = first; j < last; ++j) {
    if (j > first && doc.tokens[j].space_before) {
      exact = Hash(exact, " ");
      folded = Hash(folded, " ");
    }
    exact = Hash(exact, doc.TokenText(j));
    folded = Hash(folded, doc.TokenText(j), true);
  }
  const int32_t* found = exact_.Find(exact);
  if (!found) found = folded_.Find(folded);
  return found ? *found : -1;
}

Gazetteer::Gazetteer() {
  names.AddLines("gazetteer");
  names.AddLines("gazetteer-places");
  names.AddLines("gazetteer-demonyms");
  for (std::string_view g : DataLines("given-names")) given.Insert(Hash(kHashSeed, g), 0);
  for (std::string_view t : DataLines("titles")) {
    std::string folded = Lower(t);
    titles.Add({"TITLE", std::string(t), "", ""}, {folded});
    for (std::string_view w : Split(folded, ' ')) title_words.Insert(Hash(kHashSeed, w), 0);
  }
}

const Gazetteer& Gazetteer::Get() {
  static const Gazetteer* g = new Gazetteer();
  return *g;
}

}  // namespace presslens
