#include "gazetteer.h"

#include <algorithm>
#include <cstring>

#include "data.h"

namespace presslens {
namespace {

// Lines in an embedded file (an upper bound on its entries): sizes the tables up front.
size_t LineCount(std::string_view data_name) {
  const std::string_view d = EmbeddedData(data_name);
  size_t lines = 0;
  for (const char *p = d.data(), *end = p + d.size(); p < end; ++lines) {
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
    p = nl ? static_cast<const char*>(nl) + 1 : end;
  }
  return lines;
}

// The text up to the next `sep` (or all of it), removed from *rest with the separator;
// *more is false after the last field.
std::string_view NextField(std::string_view* rest, char sep, bool* more) {
  const size_t p = rest->find(sep);
  std::string_view field = rest->substr(0, p);
  *more = p != std::string_view::npos;
  rest->remove_prefix(*more ? p + 1 : rest->size());
  return field;
}

}  // namespace

std::string Lower(std::string_view s) {
  std::string out(s);
  char* p = &out[0];
  const size_t n = out.size();
  size_t k = 0;
  // Eight bytes at a time (the speaker and condemnation passes lower whole texts): a byte is
  // upper-case ASCII when its high bit is clear and its low seven bits are in 'A'..'Z'; the
  // additions cannot carry into the next byte.
  constexpr uint64_t kHigh = 0x8080808080808080ull, kLow7 = 0x7f7f7f7f7f7f7f7full;
  for (; k + 8 <= n; k += 8) {
    uint64_t x;
    std::memcpy(&x, p + k, 8);
    const uint64_t low7 = x & kLow7;
    const uint64_t at_least_a = low7 + 0x3f3f3f3f3f3f3f3full;  // high bit: low7 >= 'A'
    const uint64_t above_z = low7 + 0x2525252525252525ull;     // high bit: low7 > 'Z'
    const uint64_t upper = at_least_a & ~above_z & ~x & kHigh;
    x |= upper >> 2;  // 0x80 >> 2 == 'a' - 'A'
    std::memcpy(p + k, &x, 8);
  }
  for (; k < n; ++k) p[k] = static_cast<char>(kFold.to_lower[static_cast<unsigned char>(p[k])]);
  return out;
}

void FlatMap::Resize(size_t slots) {
  std::vector<uint64_t> keys = std::move(keys_);
  std::vector<int32_t> values = std::move(values_);
  keys_.assign(slots, 0);
  values_.assign(slots, 0);
  mask_ = slots - 1;
  grow_at_ = slots / 2;
  size_ = 0;
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i]) Insert(keys[i], values[i]);
}

void FlatMap::Grow() { Resize(keys_.empty() ? 64 : keys_.size() * 2); }

void FlatMap::Reserve(size_t n) {
  size_t slots = 64;
  while (slots < 2 * n) slots *= 2;
  if (slots > keys_.size()) Resize(slots);
}

void FlatMap::Reset(size_t n) {
  n = std::min(n, kResetRoom);
  size_t slots = 64;
  while (slots < 2 * n) slots *= 2;
  if (keys_.size() != slots || size_ > 0) {  // (an empty map of that size is already clear)
    if (keys_.capacity() > 4 * slots && keys_.capacity() > 16384) {
      std::vector<uint64_t>().swap(keys_);
      std::vector<int32_t>().swap(values_);
    }
    keys_.assign(slots, 0);
    values_.resize(slots);  // read only where a key is: no need to clear
  }
  mask_ = slots - 1;
  grow_at_ = slots / 2;
  size_ = 0;
}

void FlatMap::Clear() {
  if (size_ == 0) return;
  std::fill(keys_.begin(), keys_.end(), 0);
  size_ = 0;
}

namespace {

// What the gazetteer parser needs of each byte: its folded form (low byte) and these bits.
constexpr uint16_t kWordBreak = 0x100;  // ' ' . - ' (for the rough token count)
constexpr uint16_t kSpace = 0x200;
constexpr uint16_t kTab = 0x400;  // ends a field
constexpr uint16_t kBar = 0x800;  // ends an alias
struct AliasBytes {
  uint16_t e[256];
  constexpr AliasBytes() : e() {
    for (int c = 0; c < 256; ++c) {
      e[c] = kFold.to_lower[c];
      if (c == ' ' || c == '.' || c == '-' || c == '\'') e[c] |= kWordBreak;
      if (c == ' ') e[c] |= kSpace;
      if (c == '\t') e[c] |= kTab;
      if (c == '|') e[c] |= kBar;
    }
  }
};
constexpr AliasBytes kAliasBytes{};

}  // namespace

const char* NameTable::AddAlias(const char* p, const char* end, unsigned stop, int id,
                                bool overwrite) {
  // One pass: exact and folded hashes, the folded prefix before each space (the first of
  // them is the first word), and a rough token count (spaces + 1, plus slack for split
  // punctuation).
  // The prefixes are kept aside and added after the loop, which then stays in registers.
  const char* const begin = p;
  uint64_t exact = kHashSeed, folded = kHashSeed;
  unsigned breaks = 0;
  uint64_t prefixes[8];
  unsigned spaces = 0;
  for (; p < end; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    const unsigned e = kAliasBytes.e[c];
    if (e & stop) break;
    if (e & kSpace) {
      if (spaces < 8) prefixes[spaces] = folded;
      else prefixes_.Insert(folded, 0);
      ++spaces;
    }
    breaks += (e >> 8) & 1;  // kWordBreak
    exact = (exact ^ c) * kHashPrime;
    folded = (folded ^ (e & 0xff)) * kHashPrime;
  }
  if (p == begin) return p;  // empty: no alias
  first_words_.Insert(spaces ? prefixes[0] : folded);
  for (unsigned k = 0; k < spaces && k < 8; ++k) prefixes_.Insert(prefixes[k], 0);
  longest_ = std::max(longest_, static_cast<int>(breaks) + 1);
  exact_.Insert(exact, id, overwrite);
  folded_.Insert(folded, id, overwrite);
  return p;
}

void NameTable::AddAlias(std::string_view alias, int id, bool overwrite) {
  AddAlias(alias.data(), alias.data() + alias.size(), 0, id, overwrite);
}

std::string_view NameTable::Own(std::string_view s) {
  if (s.empty()) return {};
  owned_.emplace_back(s);
  return owned_.back();
}

int NameTable::AddStatic(const KnownName& known) {
  known_.push_back(known);
  types_.push_back(EntityTypeOf(known.type));
  return static_cast<int>(known_.size()) - 1;
}

int NameTable::Add(const KnownName& known, const std::vector<std::string_view>& aliases) {
  int id = static_cast<int>(known_.size());
  known_.push_back({Own(known.type), Own(known.name), Own(known.country), Own(known.refers_to),
                    Own(known.region)});
  types_.push_back(EntityTypeOf(known.type));
  AddAlias(known.name, id, true);
  for (std::string_view a : aliases) AddAlias(a, id, false);
  return id;
}

void NameTable::AddLines(std::initializer_list<std::string_view> data_names) {
  // Every table sized once for all the files: a name per line and about one alias or
  // multi-word name per four lines (a low guess only costs a rehash).
  size_t lines = 0;
  for (std::string_view name : data_names) lines += LineCount(name);
  known_.reserve(known_.size() + lines);
  types_.reserve(types_.size() + lines);
  exact_.Reserve(exact_.size() + lines + lines / 4);
  folded_.Reserve(folded_.size() + lines + lines / 4);
  first_words_.Reserve(first_words_.size() + lines + lines / 4);
  prefixes_.Reserve(prefixes_.size() + lines / 2);
  // Each line is read once: the name and aliases are hashed as they are scanned.
  for (std::string_view name : data_names) {
    ForEachDataLine(name, [this](std::string_view line) {
      const char* p = line.data();
      const char* const end = p + line.size();
      while (p < end && *p != '\t') ++p;
      if (p == end) return;  // no name
      const std::string_view type(line.data(), static_cast<size_t>(p - line.data()));
      const int id = static_cast<int>(known_.size());
      const char* const canonical = ++p;
      p = AddAlias(p, end, kTab, id, true);
      if (p == canonical) return;  // empty name: nothing was added
      known_.push_back({type, std::string_view(canonical, static_cast<size_t>(p - canonical)), {}, {}, {}});
      types_.push_back(EntityTypeOf(type));
      if (p == end) return;
      ++p;  // the aliases: a|b|c up to the next tab
      if (p < end && *p != '\t') {
        for (p = AddAlias(p, end, kTab | kBar, id, false); p < end && *p == '|';)
          p = AddAlias(p + 1, end, kTab | kBar, id, false);
      }
      while (p < end) {  // at a tab: key=value fields
        const char* const kv_begin = ++p;
        while (p < end && *p != '\t') ++p;
        const std::string_view kv(kv_begin, static_cast<size_t>(p - kv_begin));
        if (kv.rfind("country=", 0) == 0) known_.back().country = kv.substr(8);
        if (kv.rfind("refersTo=", 0) == 0) known_.back().refers_to = kv.substr(9);
        if (kv.rfind("region=", 0) == 0) known_.back().region = kv.substr(7);
      }
    });
  }
}

int NameTable::Match(const Document& doc, int i, int* id) const {
  uint64_t exact = kHashSeed, folded = kHashSeed;
  Hash2(&exact, &folded, doc.TokenText(i));
  return Match(doc, i, exact, folded, id);
}

uint64_t FirstWordWithPeriod(const Document& doc, int i, uint64_t folded_first) {
  const int n = static_cast<int>(doc.tokens.size());
  if (i + 1 >= n || doc.tokens[i + 1].space_before || doc.tokens[i + 1].newline_before ||
      doc.TokenText(i + 1) != ".")
    return folded_first;
  return Hash(folded_first, ".", true);
}

int NameTable::Match(const Document& doc, int i, uint64_t exact_first, uint64_t folded_first,
                     int* id) const {
  const auto& tokens = doc.tokens;
  const int n = static_cast<int>(tokens.size());
  if (tokens[i].kind != TokenKind::kWord && tokens[i].kind != TokenKind::kNumber) return -1;
  if (!first_words_.Contains(folded_first) &&
      !first_words_.Contains(FirstWordWithPeriod(doc, i, folded_first)))
    return -1;
  uint64_t exact = exact_first, folded = folded_first;
  int best = -1;
  bool caps = true;  // every word so far is all caps
  const int stop = std::min(n, i + longest_);
  for (int j = i; j < stop; ++j) {
    const Token& t = tokens[j];
    if (j > i) {
      if (t.newline_before || t.kind == TokenKind::kQuote || t.kind == TokenKind::kClitic) break;
      if (t.space_before) {
        exact = (exact ^ ' ') * kHashPrime;
        folded = (folded ^ ' ') * kHashPrime;
      }
      Hash2(&exact, &folded, doc.TokenText(j));
    }
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
  if (first < last) Hash2(&exact, &folded, doc.TokenText(first));
  return Lookup(doc, first, last, exact, folded);
}

int NameTable::Lookup(const Document& doc, int first, int last, uint64_t exact_first,
                      uint64_t folded_first) const {
  uint64_t exact = kHashSeed, folded = kHashSeed;
  if (first < last) {
    exact = exact_first;
    folded = folded_first;
  }
  for (int j = first + 1; j < last; ++j) {
    if (doc.tokens[j].space_before) {
      exact = (exact ^ ' ') * kHashPrime;
      folded = (folded ^ ' ') * kHashPrime;
    }
    Hash2(&exact, &folded, doc.TokenText(j));
  }
  const int32_t* found = exact_.Find(exact);
  if (!found) found = folded_.Find(folded);
  return found ? *found : -1;
}

Gazetteer::Gazetteer() {
  names.AddLines({"gazetteer", "gazetteer-places", "gazetteer-demonyms"});
  // Sized from the file's bytes, not its lines (counting them costs as much as reading them):
  // given names average seven bytes a line; a low guess only costs a rehash.
  given.Reserve(EmbeddedData("given-names").size() / 6);
  // name [<tab> m|f]: the gender, when only one bears the name.
  ForEachDataLine("given-names", [this](std::string_view g) {
    uint64_t h = kHashSeed;
    const char *p = g.data(), *const end = p + g.size();
    for (; p < end && *p != '\t'; ++p) h = (h ^ static_cast<unsigned char>(*p)) * kHashPrime;
    given.Insert(h, p + 1 < end ? (p[1] == 'm' ? kGivenMale : kGivenFemale) : 0);
  });
  ForEachDataLine("titles", [this](std::string_view t) {
    // The title and its lower-case form as aliases of one name; the data outlives the table.
    const std::string folded = Lower(t);
    const int id = titles.AddStatic({"TITLE", t, {}, {}, {}});
    titles.AddAlias(t, id, true);
    titles.AddAlias(folded, id, false);
    std::string_view rest = folded;
    for (bool more = true; more;) title_words.Insert(Hash(kHashSeed, NextField(&rest, ' ', &more)));
  });
  // Little-endian uint32 keys: the low 32 bits of a folded hash, its two low bits the class - 1.
  // The table has at least twice as many slots as words (a power of two).
  const std::string_view cases = EmbeddedData("word-case");
  size_t slots = 64;
  while (slots < cases.size() / 2) slots *= 2;
  word_case_.assign(slots, 0);
  for (size_t k = 0; k + 4 <= cases.size(); k += 4) {
    const uint32_t v = static_cast<uint32_t>(static_cast<unsigned char>(cases[k])) |
                       static_cast<uint32_t>(static_cast<unsigned char>(cases[k + 1])) << 8 |
                       static_cast<uint32_t>(static_cast<unsigned char>(cases[k + 2])) << 16 |
                       static_cast<uint32_t>(static_cast<unsigned char>(cases[k + 3])) << 24;
    if (v == 0) continue;  // reads as an empty slot
    size_t i = WordCaseSlot(v & ~3u) & (slots - 1);
    while (word_case_[i] != 0) i = (i + 1) & (slots - 1);
    word_case_[i] = v;
  }
}

const Gazetteer& Gazetteer::Get() {
  static const Gazetteer* g = new Gazetteer();
  return *g;
}

}  // namespace presslens
