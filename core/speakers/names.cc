// Name runs: titles and modifiers trimmed from a name ("Foreign Minister Wang Yi" -> "Wang
// Yi"), the fullest form the document gives of each name ("Lavrov" -> "Sergey Lavrov"), and the
// names in subject position. Reads tokens, word classes, mentions; writes full_names_,
// full_by_last_, full_by_first_ and subject_names_.
#include <cstring>

#include "speakers/pass.h"

namespace presslens {
namespace speakers {

namespace {

// w has a '-': words of four bytes or more are tested four or eight bytes at a time, with
// overlapping loads that stay inside the word (a byte is '-' when it XOR '-' is zero).
bool HasHyphen(std::string_view w) {
  const char* p = w.data();
  const size_t n = w.size();
  auto zero_byte8 = [](uint64_t x) {
    x ^= 0x2D2D2D2D2D2D2D2Dull;
    return ((x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull) != 0;
  };
  auto zero_byte4 = [](uint32_t x) {
    x ^= 0x2D2D2D2Du;
    return ((x - 0x01010101u) & ~x & 0x80808080u) != 0;
  };
  if (n >= 8) {
    uint64_t x;
    for (size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&x, p + i, 8);
      if (zero_byte8(x)) return true;
    }
    std::memcpy(&x, p + n - 8, 8);
    return zero_byte8(x);
  }
  if (n >= 4) {
    uint32_t x, y;
    std::memcpy(&x, p, 4);
    std::memcpy(&y, p + n - 4, 4);
    return zero_byte4(x) || zero_byte4(y);
  }
  for (size_t i = 0; i < n; ++i)
    if (p[i] == '-') return true;
  return false;
}

// What TrimName asks of word w: whether it is a title, also hyphenated
// ("Undersecretary-General"; `title`: the whole word is one), and whether it is a participle
// ("Top-seeded", "Unseeded").
struct TrimWord {
  bool title, participle;
};
TrimWord ReadTrimWord(std::string_view w, bool title, const SpeechLexicon& lex) {
  size_t hy = std::string_view::npos;  // the first hyphen (find() calls memchr)
  if (HasHyphen(w))
    for (size_t b = 0; b < w.size() && hy == std::string_view::npos; ++b)
      if (w[b] == '-') hy = b;
  for (size_t p = hy; !title && p != std::string_view::npos; p = w.find('-', p + 1))
    title = lex.IsTitle(w.substr(p + 1)) || lex.IsTitle(w.substr(0, p));
  bool participle = (hy != std::string_view::npos && hy + 1 < w.size() && w[hy + 1] >= 'a' &&
                     w[hy + 1] <= 'z') ||
                    (w.size() > 6 && w[0] == 'U' && w[1] == 'n' && w[w.size() - 2] == 'e' &&
                     w.back() == 'd');  // "Un...ed", compared in place (== calls memcmp)
  return {title, participle};
}

}  // namespace

uint8_t SpeakerPass::TrimInfo(int k) const {
  uint32_t& bits = class_[k];
  if (const uint8_t info = (bits >> kTrimShift) & 7u) return info;
  const TrimWord t = ReadTrimWord(Text(k), (bits & kTitle) != 0, lex_);
  const uint8_t info = static_cast<uint8_t>(kTrimKnown | (t.title ? kTrimTitle : 0) |
                                            (t.participle ? kTrimParticiple : 0));
  bits |= uint32_t{info} << kTrimShift;
  return info;
}

// Drops leading words that cannot start a name and titles ("Foreign Minister Wang Yi").
void SpeakerPass::TrimName(int* first, int last) const {
  while (*first < last && Is(*first, kNotName)) ++*first;
  int cut = *first;
  for (int k = *first; k < last; ++k) {
    // Titles, and words before a name that are not part of it: demonyms and places
    // ("American MaliVai Washington"), participles.
    const uint8_t info = TrimInfo(k);
    const Mention* m = MentionAt(k);
    bool demonym = m && (m->type == EntityType::kNorp || m->type == EntityType::kGpe) &&
                   m->last <= k + 1 &&
                   !Is(last - 1, kRole);  // not "Damascus Radio", "Iraqi News Agency"
    bool modifier = k + 1 < last && (demonym || (info & kTrimParticiple));
    if ((info & kTrimTitle) || (modifier && k == cut)) cut = k + 1;
  }
  *first = cut;
}

// "U.S. Cardinal Bernardin" -> "Bernardin": words up to the last title are dropped.
std::string SpeakerPass::StripTitles(std::string_view name) const {
  size_t cut = 0, pos = 0;
  // "Agriculture Department's Drazek" -> "Drazek".
  for (std::string_view pos_s : {"'s ", "\xE2\x80\x99s "}) {
    size_t p = name.rfind(pos_s);
    if (p != std::string_view::npos) cut = std::max(cut, p + pos_s.size());
  }
  pos = cut;
  while (pos < name.size()) {
    size_t sp = name.find(' ', pos);
    if (sp == std::string_view::npos) break;
    std::string_view word(name.data() + pos, sp - pos);
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (lex_.IsTitle(word)) cut = sp + 1;
    pos = sp + 1;
  }
  return std::string(name.substr(cut));
}

// Runs of name tokens: the fullest forms and the names in subject position (Index).
PRESSLENS_OUT_OF_LINE void SpeakerPass::IndexNameRuns() {
  for (int i = 0; i < n_;) {
    if (!NameToken(i)) {
      ++i;
      continue;
    }
    int j = i + 1;
    while (j < n_ && !tokens_[j].newline_before &&
           (NameToken(j) || InitialDot(j) ||
            (Is(j, kParticle) && j + 1 < n_ && NameToken(j + 1))))
      ++j;
    int first = i;
    TrimName(&first, j);
    if (first < j) {
      bool headline = Headline(SentenceOf(first));
      int words = j - first;
      if (words >= 2 && !headline) {
        Better(&full_by_last_, j - 1, first, j);
        Better(&full_by_first_, first, first, j);
      }
      const Mention* m = MentionAt(first);
      bool person_like = !m || m->type == EntityType::kPerson;
      // Subject position: not after a preposition or a conjunction ("Europe and Asia to ..."),
      // followed by a lower-case word that can be a verb.
      bool after_ok = first == 0 || !Is(first - 1, kPreposition | kAndOr);
      bool verb_next = j < n_ && IsWord(j) && !tokens_[j].upper_initial &&
                       !Is(j, kPreposition | kNotVerb);
      bool appositive_next = j < n_ && Char(j, ',') && m && m->type == EntityType::kPerson;
      if (person_like && !InQuote(first) && after_ok && (verb_next || appositive_next) &&
          SentenceOf(j) == SentenceOf(first))
        subject_names_.push_back({first, j});
    }
    i = j;
  }
}

// Keeps the longest name run (in words) for the key token's text.
void SpeakerPass::Better(StringIndex* map, int key_token, int first, int last) {
  const int next = static_cast<int>(full_names_.size());
  const std::string_view key = Text(key_token);
  const int k = *map->Emplace(doc_.folded_hash[key_token], key, next);
  if (k == next) {
    full_names_.push_back({first, last});
  } else if (full_names_[k].last - full_names_[k].first < last - first) {
    full_names_[k] = {first, last};
  }
}

// The fullest form the document gives of a name ("Lavrov" -> "Sergey Lavrov").
std::string SpeakerPass::FullName(const std::string& name) const {
  size_t sp = name.rfind(' ');
  std::string_view last = std::string_view(name).substr(sp == std::string::npos ? 0 : sp + 1);
  if (const int* k = full_by_last_.Find(Hash(kHashSeed, last, true), last)) {
    const FullNameRun& run = full_names_[*k];
    const size_t size = RawTextSize(run.first, run.last);
    if (size > name.size()) {
      std::string full = RawText(run.first, run.last);
      if (full.compare(full.size() - name.size(), name.size(), name) == 0 &&
          full[full.size() - name.size() - 1] == ' ')
        return full;
    }
  }
  if (sp == std::string::npos) {
    if (const int* k = full_by_first_.Find(Hash(kHashSeed, name, true), name))
      return RawText(full_names_[*k].first, full_names_[*k].last);
  }
  return name;
}

}  // namespace speakers
}  // namespace presslens
