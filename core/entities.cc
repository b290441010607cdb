#include "entities.h"

#include <algorithm>
#include <iterator>
#include <unordered_set>
#include <cstring>

#include "condemnation_lexicon.h"
#include "data.h"
#include "gazetteer.h"
#include "knowledge_base.h"
#include "ner_model.h"
#include "offsets.h"
#include "tokens.h"

namespace presslens {
namespace {

// The steps of EntityFinder::Run that run once per text are functions of their own
// (PRESSLENS_OUT_OF_LINE, document.h).

// A mention before linking.
struct Candidate {
  int first = 0, last = 0;  // tokens [first, last)
  EntityType type = EntityType::kMisc;
  MentionRule rule = MentionRule::kModel;
  int known = -1;           // id in the built-in gazetteer, or -1
  int user = -1;            // id in the user's lexicon, or -1
  int title = -1;           // PERSON: a title right before the name (an id in the
                            // gazetteer's titles, TitleId), or -1
  bool titled_place = false;  // GPE: the place of "<Place> <title> <Person>" (SplitPlaceTitle)
};

bool IsWord(const Token& t) { return t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber; }

// The entity pass's lists of data/en/function-words.txt (CueLexicon::kData, generated).
struct EntityWords {
  static WordHashSet List(std::string_view name) { return WordHashSet(CueLexicon::ListWords(name)); }
  WordHashSet article = List("article");
  WordHashSet geographic_feature = List("geographic-feature");
  WordHashSet event_word = List("event-word");
  WordHashSet gathering_word = List("gathering-word");
  WordHashSet storm_word = List("storm-word");
  WordHashSet masculine_pronoun = List("masculine-pronoun");
  WordHashSet feminine_pronoun = List("feminine-pronoun");
  WordHashSet common_acronym = List("common-acronym");
  WordHashSet date_word = List("date-word");
  WordHashSet organisation_head = List("organisation-head");
  WordHashSet organisation_preposition = List("organisation-preposition");
  WordHashSet place_head = List("place-head");
  WordHashSet company_head = List("company-head");
  WordHashSet polity_head = List("polity-head");
  WordHashSet domain_suffix = List("domain-suffix");
  WordHashSet topic_head = List("topic-head");
  WordHashSet facility_head = List("facility-head");
  WordHashSet leader_office = List("leader-office");
  WordHashSet compass_word = List("compass-word");
  WordHashSet and_or = List("and-or");
  WordHashSet honorific = List("honorific");  // exact spellings
};
const EntityWords& Words() {
  static const EntityWords kWords;
  return kWords;
}

// `w` in ASCII lower case is in `list` (of lower-case words, none longer than 32 bytes).
bool InLowerList(const WordHashSet& list, std::string_view w) {
  char lower[32];
  if (w.size() > sizeof lower) return false;
  for (size_t i = 0; i < w.size(); ++i)
    lower[i] = w[i] >= 'A' && w[i] <= 'Z' ? static_cast<char>(w[i] - 'A' + 'a') : w[i];
  return list.Has(std::string_view(lower, w.size()));
}

// Last words that make an unknown place a geographic feature (LOC) rather than a polity (GPE).
bool GeographicWord(std::string_view w) { return InLowerList(Words().geographic_feature, w); }

// Words that make an unknown MISC name an event.
bool EventWord(std::string_view w) { return InLowerList(Words().event_word, w); }
// "Hurricane", "Cyclone": opens a named storm's name, an event.
bool StormWord(std::string_view w) { return InLowerList(Words().storm_word, w); }
// "DNA", "IQ": an abbreviation of a common noun, no name.
bool CommonAcronym(std::string_view w) { return InLowerList(Words().common_acronym, w); }
// "Convention": ends an event's name after a group's adjective ("Republican National Convention").
bool GatheringWord(std::string_view w) { return InLowerList(Words().gathering_word, w); }

// The title to record for the gazetteer's title `id`, or -1: honorifics ("Mr.", "Ms") are
// kept out of the mention but are not titles.
int TitleId(const Gazetteer& gaz, int id) {
  return Words().honorific.Has(gaz.titles.known(id).name) ? -1 : id;
}

// The title a candidate records (TitleId), or an empty view.
std::string_view TitleText(const Gazetteer& gaz, int title) {
  return title < 0 ? std::string_view() : gaz.titles.known(title).name;
}

// Has an ASCII lower-case letter (a name not written in capitals).
bool HasLower(std::string_view s) {
  for (char ch : s)
    if (ch >= 'a' && ch <= 'z') return true;
  return false;
}

// The text with each byte that starts no valid UTF-8 sequence read as U+FFFD (names are
// UTF-8). Only spans with such bytes are copied through this.
std::string ValidUtf8(std::string_view raw) {
  std::string out;
  out.reserve(raw.size() + 8);
  size_t valid = 0;  // start of the run of valid sequences not yet copied: one append per run
  for (size_t p = 0; p < raw.size();) {
    int len = static_cast<unsigned char>(raw[p]) < 0x80 ? 1 : Utf8SequenceLength(raw, p);
    if (len > 0) {
      p += static_cast<size_t>(len);
    } else {
      out.append(raw, valid, p - valid);
      out += "\xEF\xBF\xBD";
      valid = ++p;
    }
  }
  out.append(raw, valid, raw.size() - valid);
  return out;
}

// No byte of s is outside ASCII: eight bytes at a time, the last eight overlapping.
bool Ascii(std::string_view s) {
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const char* p = s.data();
  const size_t n = s.size();
  if (n < 8) {
    unsigned char any = 0;
    for (size_t i = 0; i < n; ++i) any |= static_cast<unsigned char>(p[i]);
    return !(any & 0x80);
  }
  uint64_t any = 0, eight;
  for (size_t i = 0; i + 8 <= n; i += 8) {
    std::memcpy(&eight, p + i, 8);
    any |= eight;
  }
  std::memcpy(&eight, p + n - 8, 8);
  return !((any | eight) & kHigh);
}

// Hash(h, s), eight bytes at a time: keys the entities by name (the same function for every
// key, so equal names meet).
uint64_t NameKey(uint64_t h, std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  size_t i = 0;
  uint64_t eight;
  for (; i + 8 <= s.size(); i += 8) {
    std::memcpy(&eight, s.data() + i, 8);
    h = (h ^ eight) * kMul;
    h ^= h >> 32;
  }
  // The last bytes (up to seven) and the length.
  const size_t rest = s.size() - i;
  uint64_t tail = 0;
  if (rest >= 4) {  // two four-byte loads, overlapping
    uint32_t a, b;
    std::memcpy(&a, s.data() + i, 4);
    std::memcpy(&b, s.data() + s.size() - 4, 4);
    tail = static_cast<uint64_t>(a) << 32 | b;
  } else {
    for (; i < s.size(); ++i) tail = tail << 8 | static_cast<unsigned char>(s[i]);
  }
  h = (h ^ tail) * kMul;
  h = (h ^ s.size()) * kMul;
  return h ^ (h >> 29);
}

// A mention's text while linking.
struct MentionText {
  std::string_view raw;     // as written
  std::string_view folded;  // lower case, bad bytes as U+FFFD (not for persons)
  size_t size = 0;          // raw.size() once bad bytes read as U+FFFD
  bool valid = true;        // no bad bytes: raw is the name
};

// An entity while linking: views (into the text, the gazetteer or the user's lexicon) until
// the Result's Entity objects are built, once, at the end.
struct Linked {
  EntityType type = EntityType::kMisc;
  std::string_view name;
  size_t name_size = 0;   // the name's size once bad bytes read as U+FFFD
  int name_mention = -1;  // the name is this mention's text (-1: a canonical name)
  std::string_view title, country, refers_to;
  std::string_view wikidata;  // from the knowledge base (ApplyKnowledgeBase)
  bool regional = false;      // NORP: a people of a region of its country ("Chechen")
  int mentions = 0;
  int number = -1;  // index in the Result, by first mention
};

// A person while linking: the folded words of its fullest name (word_count of them from
// Scratch::word_pool[words]) and where it was last mentioned.
struct PersonEntity {
  int entity;
  int words, word_count;
  int last_seen;
};
struct PersonLink {
  int person, next;
};

// The title starting at token t (its end, or -1), given the tagger's folded hash of the
// token: most words start no title and are answered without hashing them again ("Sen." with
// the period the tokenizer split off: FirstWordWithPeriod).
int TitleAt(const Gazetteer& gaz, const Document& doc, const NerFeatures& feats, int t, int* id) {
  const uint64_t folded = feats.folded(t);
  return gaz.titles.MayStartWith(folded) ||
                 gaz.titles.MayStartWith(FirstWordWithPeriod(doc, t, folded))
             ? gaz.titles.Match(doc, t, feats.exact(t), folded, id)
             : -1;
}

// c is a title and no name: before a name ("[Mr]. Obama", "[Sen]. Reid") or a word the text
// also writes in lower case ("the President said"; not "King said" of a Mr. King).
template <typename TitleAtFn>
bool TitleAlone(const Document& doc, const NerFeatures& feats, const Candidate& c,
                TitleAtFn&& title_at) {
  int id = -1;
  if (title_at(c.first, &id) < c.last) return false;
  const int n = static_cast<int>(doc.tokens.size());
  int next = c.last;
  if (next < n && doc.TokenText(next) == ".") ++next;
  if (next < n && doc.tokens[next].kind == TokenKind::kWord && doc.tokens[next].upper_initial &&
      !doc.tokens[next].newline_before)
    return true;
  for (int t = c.first; t < c.last; ++t)
    if (feats.seen_lower(t)) return true;
  return false;
}

// Token i is the first word of a quotation that opens inside its sentence: right after an
// opening quote mark ('Ryan said, "[Look], ...').
bool QuoteOpening(const Document& doc, int i) {
  const Token* const tk = doc.tokens.data();
  if (i < 1 || tk[i - 1].kind != TokenKind::kQuote || tk[i].space_before) return false;
  const std::string_view mark = doc.TokenText(i - 1);
  if (mark == "\u201C" || mark == "\u2018") return true;  // curly opening marks
  return (mark == "\"" || mark == "'") &&
         (i < 2 || tk[i - 1].space_before ||
          (tk[i - 2].kind != TokenKind::kWord && tk[i - 2].kind != TokenKind::kNumber));
}

// The folded words the text capitalises inside a sentence: neither first in it nor first in a
// quotation, nor in capitals. Built on first use: few texts need it.
class CapitalisedInside {
 public:
  CapitalisedInside(const Document& doc, const NerFeatures& feats) : doc_(doc), feats_(feats) {}
  bool Contains(uint64_t folded) {
    if (!built_) {
      built_ = true;
      const Token* const tk = doc_.tokens.data();
      const int n = static_cast<int>(doc_.tokens.size());
      words_.Reset(64);
      for (int t = 0; t < n; ++t)
        if (tk[t].kind == TokenKind::kWord && tk[t].upper_initial && !tk[t].all_caps &&
            tk[t].sentence >= 0 && doc_.sentences[tk[t].sentence].first != t &&
            !QuoteOpening(doc_, t))
          words_.Insert(feats_.folded(t), 0);
    }
    return words_.Contains(folded);
  }

 private:
  const Document& doc_;
  const NerFeatures& feats_;
  FlatMap words_;
  bool built_ = false;
};

// Token i is the clitic "'s" (or "’s") written onto the word before it.
bool PossessiveClitic(const Document& doc, int i) {
  const Token& t = doc.tokens[i];
  if (t.kind != TokenKind::kClitic || t.space_before) return false;
  const std::string_view w = doc.TokenText(i);
  return w == "'s" || w == "\xE2\x80\x99s";
}

// The capitalised words whose "'s" is part of the name ("Boatmen's", "Lord's", "Moody's"):
// the text writes the word only before "'s", and at least once before "'s" and a comma, a
// period, a colon or semicolon or the line's end, where no possessed noun follows ("after
// Boatmen's.", "at Lord's, London"). A possessive name is also written alone ("Clinton said").
// Built on first use, keyed by the tagger's exact hash of the word.
class NamesWithClitic {
 public:
  NamesWithClitic(const Document& doc, const NerFeatures& feats) : doc_(doc), feats_(feats) {}
  // Token i is such a word and the clitic follows it.
  bool At(int i) {
    const int n = static_cast<int>(doc_.tokens.size());
    if (i + 1 >= n || !PossessiveClitic(doc_, i + 1)) return false;
    if (!built_) Build();
    const int32_t* v = words_.Find(feats_.exact(i));
    return v && *v == (kWithClitic | kBeforePunctuation);
  }

 private:
  static constexpr int32_t kAlone = 1, kWithClitic = 2, kBeforePunctuation = 4;
  void Build() {
    built_ = true;
    const Token* const tk = doc_.tokens.data();
    const int n = static_cast<int>(doc_.tokens.size());
    words_.Reset(64);
    for (int t = 0; t < n; ++t) {
      if (tk[t].kind != TokenKind::kWord || !tk[t].upper_initial) continue;
      int32_t flag = kAlone;
      if (t + 1 < n && PossessiveClitic(doc_, t + 1)) {
        flag = kWithClitic;
        if (t + 2 >= n || tk[t + 2].newline_before) {
          flag |= kBeforePunctuation;
        } else {
          const std::string_view next = doc_.TokenText(t + 2);
          if (next == "." || next == "," || next == ";" || next == ":") flag |= kBeforePunctuation;
        }
      }
      bool inserted;
      int32_t* v = words_.FindOrInsert(feats_.exact(t), flag, &inserted);
      if (!inserted) *v |= flag;
    }
  }
  const Document& doc_;
  const NerFeatures& feats_;
  FlatMap words_;
  bool built_ = false;
};

// English writes the word of token i mostly in lower case (Gazetteer::WordCase 1); a word
// too rare inside sentences to have a class is taken so when it is an adverb in -ly of such a
// word ("Interestingly": "interesting").
bool MostlyLowerCase(const Document& doc, const NerFeatures& feats, int i) {
  const int word_case = feats.word_case(i);
  if (word_case != 0) return word_case == 1;
  const std::string_view w = doc.TokenText(i);
  if (w.size() < 6 || (w.substr(w.size() - 2) != "ly" && w.substr(w.size() - 2) != "LY"))
    return false;
  return Gazetteer::Get().WordCase(Hash(kHashSeed, w.substr(0, w.size() - 2), true)) == 1;
}

// c is one word that opens its sentence (after quote marks or brackets only) or a quotation
// inside it, that English mostly writes in lower case (Gazetteer::WordCase 1) or, a word too
// rare to have a class, that this text writes in lower case too ("iodine ... [Iodine]
// released"), that this text never capitalises inside a sentence, and that no table knows: "[Interestingly], one of ...",
// "'[Do]n't leave'", 'Ryan said, "[Look], ...'.
bool CommonWordOpening(const Document& doc, const NerFeatures& feats, const Candidate& c,
                       CapitalisedInside* capitalised_inside) {
  const Token* const tk = doc.tokens.data();
  if (c.last - c.first != 1 || tk[c.first].kind != TokenKind::kWord || tk[c.first].all_caps ||
      tk[c.first].sentence < 0 ||
      !(MostlyLowerCase(doc, feats, c.first) ||
        (feats.word_case(c.first) == 0 && feats.seen_lower(c.first))))
    return false;
  if (QuoteOpening(doc, c.first)) {
    if (capitalised_inside->Contains(feats.folded(c.first))) return false;
  } else {
    if (feats.seen_capitalised_mid(c.first)) return false;
    for (int t = doc.sentences[tk[c.first].sentence].first; t < c.first; ++t)
      if (tk[t].kind == TokenKind::kWord || tk[t].kind == TokenKind::kNumber) return false;
  }
  return !KnowledgeBase::Get().TypesNamed(doc.TokenText(c.first));
}

// Token t is a lower-case word of four letters or more that English has no word case for (a
// rare word) and that ends as a Latin species' epithet does (-a, -us, -um, -is, -ae, -i), on
// the line of the word before it: "Formica [fusca]", "Beauveria [bassiana]".
bool LatinEpithet(const Document& doc, const NerFeatures& feats, int t) {
  const Token* const tk = doc.tokens.data();
  if (t >= static_cast<int>(doc.tokens.size()) || tk[t].kind != TokenKind::kWord ||
      tk[t].capitals || !tk[t].space_before || tk[t].newline_before || feats.word_case(t) != 0)
    return false;
  const std::string_view w = doc.TokenText(t);
  if (w.size() < 4) return false;
  for (char ch : w)
    if (ch < 'a' || ch > 'z') return false;
  const auto ends = [&](std::string_view e) { return w.substr(w.size() - e.size()) == e; };
  return ends("a") || ends("us") || ends("um") || ends("is") || ends("ae") || ends("i");
}

// c is one word that is the plural of an abbreviation ("PACs", "GDRs", "MPs"): a common noun,
// unless a table knows it.
bool AbbreviationPlural(const Document& doc, const Candidate& c) {
  if (c.last - c.first != 1 || doc.tokens[c.first].kind != TokenKind::kWord) return false;
  const std::string_view w = doc.TokenText(c.first);
  if (w.size() < 3 || w.back() != 's') return false;
  for (size_t k = 0; k + 1 < w.size(); ++k)
    if (w[k] < 'A' || w[k] > 'Z') return false;
  return !KnowledgeBase::Get().TypesNamed(w);
}

// c is a name of two words or more that ends in a word of data/en/name-heads-out-of-scheme.txt
// ("Clean Air Act", "Nobel Prize") and that no table knows: a law, plan or prize, which the
// schema leaves out.
bool OutOfScheme(const Document& doc, const NerFeatures& feats, const HashSet& heads,
                 const Candidate& c) {
  if (c.last - c.first < 2 || !heads.Contains(feats.exact(c.last - 1))) return false;
  const Token* const tk = doc.tokens.data();
  return !KnowledgeBase::Get().TypesNamed(doc.SpanText(tk[c.first].start, tk[c.last - 1].end));
}

// The three tokens after c are one or two capital letters in brackets, in a line of a results
// table, and not c's initials ("Proleter [(Z)] 4 0 1 3", not "Popular Party (PP) 156"): the
// letters that tell a club from its namesakes.
bool BracketedLetters(const Document& doc, const Candidate& c) {
  const int i = c.last;
  if (i + 3 > static_cast<int>(doc.tokens.size())) return false;
  const Token* const tk = doc.tokens.data();
  const std::string_view letters = doc.TokenText(i + 1);
  if (doc.TokenText(i) != "(" || doc.TokenText(i + 2) != ")" || !tk[i + 1].all_caps ||
      letters.size() > 2 || tk[i + 1].sentence != tk[i].sentence ||
      tk[i + 2].sentence != tk[i].sentence || tk[i + 1].newline_before || tk[i + 2].newline_before)
    return false;
  for (char ch : letters)
    if (ch < 'A' || ch > 'Z') return false;
  if (tk[i].sentence < 0) return false;
  // A line of a results table: a number and no lower-case word.
  const Sentence& line = doc.sentences[tk[i].sentence];
  bool number = false;
  for (int t = line.first; t < line.last; ++t) {
    if (tk[t].kind == TokenKind::kWord && !tk[t].upper_initial) return false;
    number = number || tk[t].kind == TokenKind::kNumber;
  }
  if (!number) return false;
  std::string initials;
  for (int t = c.first; t < c.last; ++t)
    if (tk[t].kind == TokenKind::kWord && tk[t].upper_initial)
      initials += static_cast<char>(kFold.to_lower[static_cast<unsigned char>(doc.TokenText(t)[0])]);
  return initials != Lower(letters);
}

// A pronoun of `gender` (Gazetteer::kGivenMale or kGivenFemale; 0 matches none) is among the
// twelve tokens after token `t`, on its line or the next.
bool GenderPronounAfter(const Document& doc, int t, int gender) {
  if (gender == 0) return false;
  const WordHashSet& pronouns = gender == Gazetteer::kGivenFemale ? Words().feminine_pronoun
                                                                  : Words().masculine_pronoun;
  const int n = static_cast<int>(doc.tokens.size());
  int lines = 0;
  for (int i = t + 1; i < n && i <= t + 12; ++i) {
    if (doc.tokens[i].newline_before && ++lines > 1) break;
    if (doc.tokens[i].kind == TokenKind::kWord && InLowerList(pronouns, doc.TokenText(i)))
      return true;
  }
  return false;
}

// Token `t` is a dollar sign on the line of the word before it: that word is a country's
// code that makes the currency's sign ("US$ 10 billion", "US $ 8").
bool CurrencyPrefix(const Document& doc, int t) {
  return t > 0 && t < static_cast<int>(doc.tokens.size()) && doc.TokenText(t) == "$" &&
         !doc.tokens[t].newline_before;
}

// Every word of c is in capitals.
bool AllCaps(const Token* tk, const Candidate& c) {
  for (int t = c.first; t < c.last; ++t)
    if (tk[t].kind == TokenKind::kWord && !tk[t].all_caps) return false;
  return true;
}

int WordCount(const Token* tk, const Candidate& c) {
  int w = 0;
  for (int t = c.first; t < c.last; ++t) w += tk[t].kind == TokenKind::kWord;
  return w;
}

int NewEntity(std::vector<Linked>* linked, EntityType type) {
  linked->emplace_back();
  linked->back().type = type;
  return static_cast<int>(linked->size()) - 1;
}

// The entity's name is mention k's text.
void NameFrom(Linked* e, const std::vector<MentionText>& text_of, size_t k) {
  e->name = text_of[k].raw;
  e->name_size = text_of[k].size;
  e->name_mention = static_cast<int>(k);
}

void NameIs(Linked* e, std::string_view name) {
  e->name = name;
  e->name_size = name.size();
  e->name_mention = -1;
}

// Each mention's text, its size once bad bytes read as U+FFFD, and for the other types than
// PERSON its folded form (a view of the document's lower-case text, or of a repaired copy when
// the span is not valid UTF-8). Counts the persons and organisations (they size maps).
PRESSLENS_OUT_OF_LINE void MeasureMentions(const Document& doc,
                                           const std::vector<Candidate>& kept,
                                           std::vector<MentionText>* texts,
                                           std::vector<std::string>* repaired,
                                           size_t* persons_count, size_t* orgs_count) {
  const Token* const tk = doc.tokens.data();
  const size_t m = kept.size();
  std::vector<MentionText>& text_of = *texts;
  text_of.resize(m);
  repaired->clear();
  *persons_count = *orgs_count = 0;
  for (size_t k = 0; k < m; ++k) {
    const Candidate& c = kept[k];
    MentionText& mt = text_of[k];
    const uint32_t start = tk[c.first].start, end = tk[c.last - 1].end;
    mt.raw = doc.SpanText(start, end);
    mt.size = mt.raw.size();
    mt.valid = true;
    for (size_t p = 0; !Ascii(mt.raw) && p < mt.raw.size();) {
      const int len = static_cast<unsigned char>(mt.raw[p]) < 0x80 ? 1 : Utf8SequenceLength(mt.raw, p);
      if (len > 0) {
        p += static_cast<size_t>(len);
      } else {  // one bad byte becomes the three of U+FFFD
        mt.size += 2;
        mt.valid = false;
        ++p;
      }
    }
    mt.folded = {};
    *orgs_count += c.type == EntityType::kOrg;
    if (c.type == EntityType::kPerson) {  // persons are linked by their words
      ++*persons_count;
      continue;
    }
    if (mt.valid) {
      mt.folded = std::string_view(doc.lower_text.data() + start, end - start);
    } else {
      if (repaired->empty()) repaired->reserve(m);  // never reallocated: the views stay valid
      repaired->push_back(Lower(ValidUtf8(mt.raw)));
      mt.folded = repaired->back();
    }
  }
}

// A PERSON entity one of whose one-word mentions is a name the knowledge base knows only as an
// organisation is that organisation: a caption line "See Facebook" made a person of the
// network (the entity's longer names are looked up as the canonical name, ApplyKnowledgeBase). The entity is named by that mention, and a longer mention loses the words before it.
// A person introduced as one, by a mention that opens with a given name or has a title
// ("Mayor Michael Bloomberg" ... "Bloomberg said"), stays a person.
// `candidate[e]` is true for the entities to look at; one pass over the mentions each way.
void PersonsAsKnownOrgs(const Document& doc, const std::vector<uint8_t>& candidate,
                        std::vector<Candidate>* kept, const std::vector<int>& entity_of,
                        std::vector<Linked>* linked,
                        const std::vector<std::string_view>& countries) {
  const KnowledgeBase& kb = KnowledgeBase::Get();
  const Gazetteer& gaz = Gazetteer::Get();
  const Token* const tk = doc.tokens.data();
  std::vector<uint8_t> introduced(linked->size());
  for (size_t k = 0; k < kept->size(); ++k) {
    const Candidate& c = (*kept)[k];
    if (c.title >= 0 || (c.last - c.first >= 2 &&
                         gaz.given.Contains(Hash(kHashSeed, doc.TokenText(c.first)))))
      introduced[entity_of[k]] = 1;
  }
  bool any = false;
  for (size_t k = 0; k < kept->size(); ++k) {
    const int e = entity_of[k];
    const Candidate& c = (*kept)[k];
    if (!candidate[e] || introduced[e] || (*linked)[e].type != EntityType::kPerson ||
        c.last - c.first != 1)
      continue;
    const std::string_view t = doc.SpanText(tk[c.first].start, tk[c.last - 1].end);
    if (kb.NamesOnlyNonPersons(t) && kb.Find(t, EntityType::kOrg, countries)) {
      (*linked)[e].type = EntityType::kOrg;
      NameIs(&(*linked)[e], t);
      any = true;
    }
  }
  if (!any) return;
  for (size_t k = 0; k < kept->size(); ++k) {
    Candidate& c = (*kept)[k];
    const Linked& e = (*linked)[entity_of[k]];
    if (!candidate[entity_of[k]] || e.type != EntityType::kOrg) continue;
    const uint32_t end = tk[c.last - 1].end;
    for (int t = c.first + 1; t < c.last; ++t)
      if (end - tk[t].start == e.name.size() && doc.SpanText(tk[t].start, end) == e.name)
        c.first = t;
  }
}

// What ApplyKnowledgeBase knows of an entity's mentions (bits of Scratch::evidence).
enum MentionEvidence : uint8_t {
  kGazetteerName = 1,  // the gazetteer knows a mention
  kGazetteerOrg = 2,   // ... as an organisation
  kStandsAlone = 4,    // a mention is not followed on its line by a capitalised word, nor
                       // preceded by one that does not start its sentence (a nationality
                       // mention aside)
  kNamesItself = 8,    // a mention is not a modifier of a noun after it (ModifiesNoun)
};

// Every word of `name` is one English writes in lower case more often than not
// (Gazetteer::WordCase 1 or 2), or is written so.
bool CommonWords(std::string_view name) {
  const Gazetteer& gaz = Gazetteer::Get();
  size_t p = 0;
  while (p < name.size()) {
    size_t q = name.find(' ', p);
    if (q == std::string_view::npos) q = name.size();
    const std::string_view w = name.substr(p, q - p);
    if (!w.empty() && !(w[0] >= 'a' && w[0] <= 'z') &&
        gaz.WordCase(Hash(kHashSeed, w, true)) > 2)
      return false;
    p = q + 1;
  }
  return true;
}

// Mention c is a modifier of the lower-case noun after it, inside a noun phrase that a
// determiner opens: "the [Stars and Stripes] flag", "a [Washington Post] reporter". A word
// after it ending in -s or -d is taken for a verb ("the Post says", "the Post reported").
bool ModifiesNoun(const Document& doc, const Candidate& c) {
  const Token* const tk = doc.tokens.data();
  const int n = static_cast<int>(doc.tokens.size());
  if (c.first == 0 || c.last >= n) return false;
  const Token& next = tk[c.last];
  if (next.kind != TokenKind::kWord || next.upper_initial || !next.space_before ||
      next.newline_before || next.end - next.start < 3)
    return false;
  const char last = doc.text[next.end - 1];
  if (last == 's' || last == 'd') return false;
  const std::string_view before = doc.TokenText(c.first - 1);
  return InLowerList(Words().article, before);
}

// Step 4b: what the knowledge base (knowledge_base.h) says of each entity, by its canonical
// name, when it agrees with the text: a Wikidata id and a country.
//   - A person is looked up only by a full name: a surname alone names many people.
//   - An organisation of a country whose name is made of common words ("National
//     Committee") needs the country named in the text.
//   - An organisation whose name the gazetteer knows as a place (not as an organisation) gets
//     no id unless the id is curated.
//   - An organisation needs a mention that stands alone ("Bank of America Stadium" names a
//     stadium), one that is not a modifier of a noun after it when its name is made of common
//     words (ModifiesNoun: "the Stars and Stripes flag" names a flag), and an acronym alone ("SPC": a Polish company and the Pacific Community) the
//     gazetteer or the curated list.
//   - A NORP entity takes its country's id, unless it names the people of a region of the
//     country ("Chechen", "Scottish": data/gazetteer-demonyms.txt region=), whom the
//     country's id does not name; it keeps the country. An actor that stands for a country ("the
//     Kremlin", "Congress") names it in refers_to and takes only an id of its own: the
//     country's id is not the organisation's.
//   - A PERSON, GPE or LOC the knowledge base knows only as an organisation, and no mention of
//     which the gazetteer knows, becomes an ORG (PersonsAsKnownOrgs: by any of its mentions).
PRESSLENS_OUT_OF_LINE void ApplyKnowledgeBase(const Document& doc, const NameTable& gazetteer,
                                              std::vector<Candidate>* kept,
                                              const std::vector<int>& entity_of,
                                              std::vector<Linked>* linked_entities,
                                              std::vector<std::string_view>* countries,
                                              std::vector<uint8_t>* evidence_of) {
  const KnowledgeBase& kb = KnowledgeBase::Get();
  std::vector<Linked>& linked = *linked_entities;
  std::vector<uint8_t>& evidence = *evidence_of;
  evidence.assign(linked.size(), 0);
  const Token* const tk = doc.tokens.data();
  const int n = static_cast<int>(doc.tokens.size());
  for (size_t k = 0; k < kept->size(); ++k) {
    const Candidate& c = (*kept)[k];
    uint8_t& ev = evidence[entity_of[k]];
    if (c.known >= 0)
      ev |= kGazetteerName | (gazetteer.type(c.known) == EntityType::kOrg ? kGazetteerOrg : 0);
    const bool followed = c.last < n && tk[c.last].kind == TokenKind::kWord &&
                          tk[c.last].upper_initial && tk[c.last].space_before &&
                          !tk[c.last].newline_before;
    // Nor preceded by one inside its sentence: "Democratic [National Committee]" is a part.
    const bool preceded = c.first > 0 && tk[c.first - 1].kind == TokenKind::kWord &&
                          tk[c.first - 1].upper_initial && tk[c.first].space_before &&
                          !tk[c.first].newline_before && tk[c.first - 1].sentence >= 0 &&
                          doc.sentences[tk[c.first - 1].sentence].first != c.first - 1;
    // A nationality before a one-word name is a mention of its own ("Russian [Gazprom]"),
    // not a part of the name; a longer name may be a part ("Democratic [National Committee]").
    const bool nationality = preceded && c.last - c.first == 1 && k > 0 &&
                             (*kept)[k - 1].last == c.first &&
                             (*kept)[k - 1].type == EntityType::kNorp;
    if (!followed && (!preceded || nationality)) ev |= kStandsAlone;
    if (!ModifiesNoun(doc, c)) ev |= kNamesItself;
  }
  // The countries the text names (a country or its demonym): they settle ambiguous names.
  countries->clear();
  const std::vector<std::string_view> none;
  for (Linked& e : linked) {
    if (e.type == EntityType::kGpe || e.type == EntityType::kLoc) {
      const std::optional<KbEntry> k = kb.Find(e.name, e.type, none);
      if (k && k->type == EntityType::kGpe) {
        e.wikidata = k->wikidata;
        countries->push_back(k->country);
      }
    } else if (e.type == EntityType::kNorp && !e.country.empty()) {
      countries->push_back(e.country);
    }
  }
  auto country_id = [&](std::string_view country) -> std::string_view {
    const std::optional<KbEntry> k = kb.Find(country, EntityType::kGpe, none);
    return k ? k->wikidata : std::string_view();
  };
  std::vector<uint8_t> unknown(linked.size());  // no mention the gazetteer knows
  for (size_t i = 0; i < linked.size(); ++i) unknown[i] = !(evidence[i] & kGazetteerName);
  PersonsAsKnownOrgs(doc, unknown, kept, entity_of, &linked, *countries);
  for (size_t i = 0; i < linked.size(); ++i) {
    Linked& e = linked[i];
    if (e.type == EntityType::kNorp) {
      if (!e.country.empty() && !e.regional) e.wikidata = country_id(e.country);
      continue;
    }
    if (e.type == EntityType::kPerson && e.name.find(' ') == std::string_view::npos) continue;
    if (e.type != EntityType::kOrg && e.type != EntityType::kEvent && unknown[i] &&
        kb.NamesOnlyNonPersons(e.name)) {
      const bool org = kb.Find(e.name, EntityType::kOrg, *countries).has_value();
      if (org && (e.type == EntityType::kPerson || !kb.Find(e.name, e.type, none)))
        e.type = EntityType::kOrg;
    }
    if (e.type != EntityType::kPerson && e.type != EntityType::kOrg) continue;
    std::optional<KbEntry> k = kb.Find(e.name, e.type, *countries);
    if (k && unknown[i] && !k->curated && !HasLower(e.name) &&
        e.name.find(' ') == std::string_view::npos)
      k.reset();  // an acronym alone
    if (k && e.type == EntityType::kOrg && !(evidence[i] & kStandsAlone)) k.reset();
    // A name made of common words ("National Committee", a party of Greece) names many
    // things: it needs its country named in the text.
    if (k && e.type == EntityType::kOrg && !k->curated && !k->country.empty() &&
        std::find(countries->begin(), countries->end(), k->country) == countries->end() &&
        CommonWords(e.name))
      k.reset();
    // A name of common words only as a modifier of the noun after it ("the Stars and Stripes
    // flag"): the name may be the thing's, not the organisation's.
    if (k && e.type == EntityType::kOrg && !(evidence[i] & kNamesItself) && !k->curated &&
        CommonWords(e.name))
      k.reset();
    // A place's name that the tagger read as an organisation ("New Hampshire", also a
    // newspaper's name): the organisation of that name is a guess, unless curated.
    if (k && e.type == EntityType::kOrg && (evidence[i] & kGazetteerName) &&
        !(evidence[i] & kGazetteerOrg) && !k->curated)
      k.reset();
    if (k) {
      e.wikidata = k->wikidata;
      if (e.country.empty()) e.country = k->country;
    }
  }
}

// "<Place> <title> <Person>" tagged as one PERSON ("London Mayor Sadiq Khan"): the place
// becomes a mention of its own (added to `kept`), the title the person's, and the person's
// mention starts after it. The place is what the gazetteer or the knowledge base says it is,
// or a GPE before a title of data/place-titles.txt; other spans are left alone.
void SplitPlaceTitle(const Gazetteer& gaz, const HashSet& place_titles, const Document& doc,
                     Candidate* c, std::vector<Candidate>* kept) {
  const Token* const tk = doc.tokens.data();
  if (doc.folded_hash.size() != doc.tokens.size()) return;
  for (int t = c->first + 1; t + 1 < c->last; ++t) {
    if (!tk[t].upper_initial || !gaz.titles.MayStartWith(doc.folded_hash[t])) continue;
    int id = -1;
    const int end = gaz.titles.Match(doc, t, &id);
    if (end < 0 || end >= c->last) continue;
    for (int j = c->first; j < t; ++j)
      if (!tk[j].upper_initial) return;
    // "Deputy Mayor": the word before is part of a title.
    if (gaz.title_words.Contains(doc.folded_hash[t - 1])) return;
    Candidate place = *c;
    place.last = t;
    place.title = -1;
    place.known = gaz.names.Lookup(doc, place.first, place.last);
    const std::string_view name = doc.SpanText(tk[place.first].start, tk[t - 1].end);
    const std::string_view title = gaz.titles.known(id).name;
    const std::vector<std::string_view> none;
    const KnowledgeBase& kb = KnowledgeBase::Get();
    if (place.known >= 0) {
      place.type = gaz.names.type(place.known);
    } else if (kb.Find(name, EntityType::kOrg, none)) {
      place.type = EntityType::kOrg;
    } else if (kb.Find(name, EntityType::kGpe, none) ||
               place_titles.Contains(Hash(kHashSeed, title))) {
      place.type = EntityType::kGpe;
    } else {
      return;
    }
    if (place.type == EntityType::kPerson || place.type == EntityType::kMisc) return;
    place.titled_place = place.type == EntityType::kGpe;
    kept->push_back(place);
    c->title = TitleId(gaz, id);
    c->first = end;
    return;
  }
}

// Step 2d: a span of an organisation's name and a person's, with nothing between them ("the
// [Washington Post Trump] said", "Speaker of the [House Newt Gingrich]"): two mentions, when
// the words before are a name the gazetteer or the knowledge base knows as an organisation's
// and the last word after is a word of a person the tagger found elsewhere in the text.
// `out` is scratch.
PRESSLENS_OUT_OF_LINE void SplitOrgPerson(const Document& doc, const NerFeatures& feats,
                                          const NameTable& gazetteer,
                                          std::vector<Candidate>* candidates,
                                          std::vector<Candidate>* out) {
  std::vector<Candidate>& kept = *candidates;
  const Token* const tk = doc.tokens.data();
  bool any = false;
  for (const Candidate& c : kept) any = any || (c.type == EntityType::kOrg && c.last - c.first >= 2);
  if (!any) return;
  // The words of the persons' spans.
  FlatMap person_words;
  person_words.Reset(kept.size());
  for (const Candidate& c : kept)
    if (c.type == EntityType::kPerson)
      for (int t = c.first; t < c.last; ++t)
        if (tk[t].kind == TokenKind::kWord) person_words.Insert(feats.folded(t), 0);
  if (person_words.size() == 0) return;
  const KnowledgeBase& kb = KnowledgeBase::Get();
  out->clear();
  out->reserve(kept.size() + 4);
  for (const Candidate& c : kept) {
    if (c.type != EntityType::kOrg || c.last - c.first < 2 || c.known >= 0 || c.user >= 0 ||
        tk[c.last - 1].kind != TokenKind::kWord || !person_words.Contains(feats.folded(c.last - 1))) {
      out->push_back(c);
      continue;
    }
    int split = -1, known = -1;
    for (int p = c.last - 1; p > c.first && split < 0; --p) {
      bool names = tk[p].upper_initial && tk[p].space_before && IsWord(tk[p - 1]);
      for (int t = p; t < c.last && names; ++t) names = tk[t].kind != TokenKind::kWord || tk[t].upper_initial;
      if (!names) continue;
      const int id = gazetteer.Lookup(doc, c.first, p);
      if ((id >= 0 && gazetteer.type(id) == EntityType::kOrg) ||
          (id < 0 && kb.TypesNamed(doc.SpanText(tk[c.first].start, tk[p - 1].end)) ==
                         KnowledgeBase::kKbOrg)) {
        split = p;
        known = id;
      }
    }
    if (split < 0) {
      out->push_back(c);
      continue;
    }
    Candidate org = c, person = c;
    org.last = split;
    org.known = known;
    person.first = split;
    person.type = EntityType::kPerson;
    person.known = -1;
    out->push_back(org);
    out->push_back(person);
  }
  kept.swap(*out);
}

// Merges `added` (in text order) into *kept (in text order), by first token.
void MergeCandidates(const std::vector<Candidate>& added, std::vector<Candidate>* kept) {
  if (added.empty()) return;
  std::vector<Candidate> merged;
  merged.reserve(kept->size() + added.size());
  std::merge(kept->begin(), kept->end(), added.begin(), added.end(), std::back_inserter(merged),
             [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
  kept->swap(merged);
}

// Step 3a: the curated knowledge base's names (data/kb-curated.tsv: the most-named companies,
// media and agencies, "Twitter", "NBC") where the tagger found nothing, up to three
// capitalised words inside a sentence (not its first word: "Fed up"). Their names name one
// thing in news text, which is why they are curated.
PRESSLENS_OUT_OF_LINE void AddCuratedNames(const Document& doc, std::vector<Candidate>* kept,
                                           std::vector<uint8_t>* covered_tokens,
                                           std::vector<Candidate>* added) {
  const KnowledgeBase& kb = KnowledgeBase::Get();
  const Token* const tk = doc.tokens.data();
  const int n = static_cast<int>(doc.tokens.size());
  std::vector<uint8_t>& covered = *covered_tokens;
  covered.assign(n, 0);
  for (const Candidate& c : *kept)
    for (int t = c.first; t < c.last; ++t) covered[t] = 1;
  const std::vector<std::string_view> none;
  added->clear();
  for (int i = 0; i < n; ++i) {
    if (covered[i] || tk[i].kind != TokenKind::kWord || !tk[i].upper_initial || tk[i].all_caps ||
        tk[i].sentence < 0 || doc.sentences[tk[i].sentence].first == i)
      continue;
    for (int len = 3; len >= 1; --len) {
      const int last = i + len;
      bool ok = last <= n;
      for (int t = i; ok && t < last; ++t)
        ok = !covered[t] && tk[t].kind == TokenKind::kWord && tk[t].upper_initial &&
             tk[t].sentence == tk[i].sentence && (t == i || !tk[t].newline_before);
      if (!ok) continue;
      const std::string_view name = doc.SpanText(tk[i].start, tk[last - 1].end);
      std::optional<KbEntry> e = kb.Find(name, EntityType::kOrg, none);
      if (!e || !e->curated) continue;
      Candidate c;
      c.first = i;
      c.last = last;
      c.type = EntityType::kOrg;
      c.rule = MentionRule::kKnowledgeBase;
      added->push_back(c);
      i = last - 1;
      break;
    }
  }
  MergeCandidates(*added, kept);
}

// Step 2b: the knowledge base's full names of persons (office holders and curated leaders,
// written as the knowledge base writes them) are those persons. The tagger's spans inside one
// give way to it, and so does the end of a span made of a name and the person's ("[House]
// [Mitch McConnell]"): the words before stay a mention of their own, unless the span was a
// person's, whose words before the name are kept only as a name the gazetteer knows. A span
// that runs past the name (a longer name) stays as it is. `out` is scratch.
PRESSLENS_OUT_OF_LINE void AddKnownPersons(const Document& doc, const NerFeatures& feats,
                                           const NameTable& gazetteer,
                                           std::vector<Candidate>* candidates,
                                           std::vector<Candidate>* out) {
  auto person = [](const NerFeatures::KbMatch& m) {
    return m.types == KnowledgeBase::kKbPerson && m.end - m.first >= 2;
  };
  const auto& matches = feats.kb_matches();
  const size_t persons = std::count_if(matches.begin(), matches.end(), person);
  if (persons == 0) return;
  std::vector<Candidate>& kept = *candidates;
  const Token* const tk = doc.tokens.data();
  out->clear();
  // A match adds its person and turns at most the spans it overlaps into one name each.
  out->reserve(kept.size() + persons);
  size_t a = 0;  // kept[0, a) are in *out
  for (const NerFeatures::KbMatch& m : matches) {
    if (!person(m)) continue;
    while (a < kept.size() && kept[a].last <= m.first) out->push_back(kept[a++]);
    size_t b = a;
    bool fits = true;
    for (; b < kept.size() && kept[b].first < m.end; ++b) {
      const Candidate& c = kept[b];
      fits = fits && c.last <= m.end && c.user < 0 && (c.first >= m.first || c.last == m.end);
    }
    if (!fits) continue;
    for (size_t k = a; k < b; ++k) {
      if (kept[k].first >= m.first) continue;
      Candidate c = kept[k];  // the name before the person's
      c.last = m.first;
      while (c.last > c.first && !IsWord(tk[c.last - 1])) --c.last;
      if (c.first == c.last) continue;
      c.known = gazetteer.Lookup(doc, c.first, c.last);
      if (c.type == EntityType::kPerson) {
        if (c.known < 0) continue;
        c.type = gazetteer.type(c.known);
      } else if (c.known >= 0 && gazetteer.type(c.known) != c.type) {
        c.known = -1;
      }
      out->push_back(c);
    }
    Candidate p;
    p.first = m.first;
    p.last = m.end;
    p.type = EntityType::kPerson;
    p.rule = MentionRule::kKnowledgeBase;
    out->push_back(p);
    a = b;
  }
  while (a < kept.size()) out->push_back(kept[a++]);
  kept.swap(*out);
}

// Step 2c: a name of two words or more that the knowledge base knows only as an organisation
// is that organisation where the tagger found a part of it and nothing that runs past it
// ("[Peabody] Energy", PERSON + O -> "Peabody Energy", ORG). Names it found nothing in are
// left alone. `out` is scratch.
PRESSLENS_OUT_OF_LINE void AddKnownOrgs(const Document& doc, const NerFeatures& feats,
                                        std::vector<Candidate>* candidates,
                                        std::vector<Candidate>* out) {
  auto org = [](const NerFeatures::KbMatch& m) {
    return m.types == KnowledgeBase::kKbOrg && m.end - m.first >= 2;
  };
  const auto& matches = feats.kb_matches();
  if (std::none_of(matches.begin(), matches.end(), org)) return;
  std::vector<Candidate>& kept = *candidates;
  out->clear();
  out->reserve(kept.size() + 8);
  size_t a = 0;  // kept[0, a) are in *out
  const Token* const tk = doc.tokens.data();
  for (NerFeatures::KbMatch m : matches) {
    if (!org(m)) continue;
    // A sentence's first word "The" is no part of the name (as in CleanSpans).
    if (tk[m.first].sentence >= 0 && doc.sentences[tk[m.first].sentence].first == m.first &&
        doc.TokenText(m.first) == "The")
      ++m.first;
    if (m.end - m.first < 2) continue;
    while (a < kept.size() && kept[a].last <= m.first) out->push_back(kept[a++]);
    size_t b = a;
    bool fits = true;
    for (; b < kept.size() && kept[b].first < m.end; ++b)
      fits = fits && kept[b].first >= m.first && kept[b].last <= m.end && kept[b].user < 0;
    if (!fits || b == a || (b == a + 1 && kept[a].first == m.first && kept[a].last == m.end &&
                            kept[a].type == EntityType::kOrg))
      continue;
    Candidate c;
    c.first = m.first;
    c.last = m.end;
    c.type = EntityType::kOrg;
    c.rule = MentionRule::kKnowledgeBase;
    out->push_back(c);
    a = b;
  }
  while (a < kept.size()) out->push_back(kept[a++]);
  kept.swap(*out);
}

// Step 2e: an organisation's name that the tagger split at a preposition after its head word
// is one name: two names of places or organisations with only a preposition of
// data/en/function-words.txt [organisation-preposition] between them, after a last word of
// [organisation-head] of the first ("[Center] for [Transatlantic Relations]"), or that
// preposition and "the" ("[United Nations Scientific Committee] on the [Effects of Atomic
// Radiation]"), or with that head word and the preposition between them ("[Rhode Island]
// School of [Design]"), inside one line of a sentence.
PRESSLENS_OUT_OF_LINE void JoinOrganisationNames(const Document& doc,
                                                 std::vector<Candidate>* candidates) {
  std::vector<Candidate>& kept = *candidates;
  const Token* const tk = doc.tokens.data();
  auto place_or_org = [](const Candidate& c) {
    return c.type == EntityType::kOrg || c.type == EntityType::kGpe || c.type == EntityType::kLoc;
  };
  auto head = [&](int t) {
    return tk[t].kind == TokenKind::kWord && tk[t].upper_initial &&
           InLowerList(Words().organisation_head, doc.TokenText(t));
  };
  auto preposition = [&](int t) {
    return tk[t].kind == TokenKind::kWord && !tk[t].upper_initial &&
           Words().organisation_preposition.Has(doc.TokenText(t));
  };
  size_t out = 0;
  for (size_t k = 0; k < kept.size(); ++k) {
    if (out > 0) {
      Candidate& a = kept[out - 1];
      const Candidate& b = kept[k];
      const int gap = b.first - a.last;
      bool join = place_or_org(a) && place_or_org(b) && a.user < 0 && b.user < 0 &&
                  (gap == 1 || gap == 2) && tk[a.last].sentence == tk[b.first].sentence;
      for (int t = a.last; join && t <= b.first; ++t) join = !tk[t].newline_before;
      join = join && (gap == 1 ? head(a.last - 1) && preposition(a.last)
                               : (head(a.last) && preposition(a.last + 1)) ||
                                     (head(a.last - 1) && preposition(a.last) &&
                                      doc.TokenText(a.last + 1) == "the"));
      // "on" continues only a body's name that says what it deliberates on ("Committee on the
      // Effects of ..."; [topic-head]), not a place's ("Hofstra University on [Long Island]").
      const int before_b = doc.TokenText(b.first - 1) == "the" ? b.first - 2 : b.first - 1;
      join = join && (doc.TokenText(before_b) != "on" ||
                      InLowerList(Words().topic_head, doc.TokenText(before_b - 1)));
      if (join) {
        a.last = b.last;
        a.type = EntityType::kOrg;
        a.known = -1;
        continue;
      }
    }
    kept[out++] = kept[k];
  }
  kept.resize(out);
}

// c is a word of direction of data/en/function-words.txt [compass-word] and a group's name
// the gazetteer knows ("East European", "Northern European"): a group's name.
bool CompassGroup(const Document& doc, const NameTable& gazetteer, const Candidate& c) {
  if (c.last - c.first < 2 || !InLowerList(Words().compass_word, doc.TokenText(c.first)) ||
      !doc.tokens[c.first].upper_initial)
    return false;
  const int id = gazetteer.Lookup(doc, c.first + 1, c.last);
  return id >= 0 && gazetteer.type(id) == EntityType::kNorp;
}

// Step 3c: a word of direction that the tagger found as a name of its own before a group's
// name is part of that name ("[East] [European]" -> "East European"), and so is one before
// "and" or "or" and such a name ("[Eastern] and [Northern European]": two groups).
PRESSLENS_OUT_OF_LINE void CompassGroups(const Document& doc, const NameTable& gazetteer,
                                         std::vector<Candidate>* candidates) {
  std::vector<Candidate>& kept = *candidates;
  const Token* const tk = doc.tokens.data();
  auto compass = [&](const Candidate& c) {
    return c.last - c.first == 1 && c.user < 0 && tk[c.first].upper_initial &&
           InLowerList(Words().compass_word, doc.TokenText(c.first));
  };
  size_t out = 0;
  for (size_t k = 0; k < kept.size(); ++k) {
    Candidate& b = kept[k];
    if (out > 0 && b.type == EntityType::kNorp && b.user < 0 && compass(kept[out - 1]) &&
        kept[out - 1].last == b.first && tk[b.first].space_before &&
        !tk[b.first].newline_before) {
      Candidate& a = kept[out - 1];
      a.last = b.last;
      a.type = EntityType::kNorp;
      a.known = -1;  // "West Indian" is not "Indian": no country of its own
      continue;
    }
    kept[out++] = b;
  }
  kept.resize(out);
  for (size_t k = 0; k + 1 < kept.size(); ++k) {
    Candidate& a = kept[k];
    const Candidate& b = kept[k + 1];
    if (compass(a) && b.type == EntityType::kNorp && b.first == a.last + 1 &&
        Words().and_or.Has(doc.TokenText(a.last)) && CompassGroup(doc, gazetteer, b))
      a.type = EntityType::kNorp;
  }
}

// Steps 2f and 2g: an unknown name of two words or more (neither NORP nor EVENT; one the
// gazetteer, the knowledge base or the user's lexicon knows keeps its type) whose last token is
// a capitalised word takes the type `type_of(c, last)` gives its head word (kMisc: none), unless
// the knowledge base names it with a type outside `kb_types`.
template <typename TypeOf>
PRESSLENS_OUT_OF_LINE void RetypeByHeadWord(const Document& doc, uint8_t kb_types,
                                            std::vector<Candidate>* candidates, TypeOf type_of) {
  const Token* const tk = doc.tokens.data();
  const KnowledgeBase& kb = KnowledgeBase::Get();
  for (Candidate& c : *candidates) {
    if (c.type == EntityType::kNorp || c.type == EntityType::kEvent || c.known >= 0 ||
        c.user >= 0 || WordCount(tk, c) < 2)
      continue;
    const int last = c.last - 1;
    if (tk[last].kind != TokenKind::kWord || !tk[last].upper_initial) continue;
    const EntityType type = type_of(c, last);
    if (type == EntityType::kMisc || c.type == type) continue;
    if (kb.TypesNamed(doc.SpanText(tk[c.first].start, tk[last].end)) & ~kb_types) continue;
    c.type = type;
  }
}

// Step 2f: a name whose last word is an organisation's head word (data/en/function-words.txt
// [organisation-head] or [company-head], not [place-head]) is an organisation's, whatever the
// tagger's class ("United States Embassy", "Crosscut Strategies"), unless the knowledge base
// names it otherwise ("Soviet Union").
void HeadWordOrganisations(const Document& doc, std::vector<Candidate>* candidates) {
  RetypeByHeadWord(doc, KnowledgeBase::kKbOrg, candidates, [&doc](const Candidate&, int last) {
    const std::string_view head = doc.TokenText(last);
    return (InLowerList(Words().organisation_head, head) ||
            InLowerList(Words().company_head, head)) &&
                   !InLowerList(Words().place_head, head)
               ? EntityType::kOrg
               : EntityType::kMisc;
  });
}

// Step 2g: a name whose last word is a subdivision's head word (data/en/function-words.txt
// [polity-head]) is a place's, GPE ("Kut Province", "Baluchistan Province"), and one whose last
// word is a facility's ([facility-head]) is a location's, LOC ("Tiananmen Square", "Lilac Falls
// Motel"), whatever the tagger's class, when none of its words is an organisation's head word
// ("Sindh Education Province Office") and the knowledge base does not name it.
void HeadWordPlaces(const Document& doc, std::vector<Candidate>* candidates) {
  RetypeByHeadWord(doc, 0, candidates, [&doc](const Candidate& c, int last) {
    const Token* const tk = doc.tokens.data();
    const std::string_view head = doc.TokenText(last);
    const EntityType type = InLowerList(Words().polity_head, head)     ? EntityType::kGpe
                            : InLowerList(Words().facility_head, head) ? EntityType::kLoc
                                                                       : EntityType::kMisc;
    if (type == EntityType::kMisc) return type;
    for (int t = c.first; t < last; ++t)
      if (tk[t].kind == TokenKind::kWord &&
          (InLowerList(Words().organisation_head, doc.TokenText(t)) ||
           InLowerList(Words().company_head, doc.TokenText(t))))
        return EntityType::kMisc;
    return type;
  });
}

// The token after which the web site's name that token t opens ends ("Salon" "." "com"), when
// t is a word written onto "." and a top-level domain (data/en/function-words.txt
// [domain-suffix]), or onto two ("BBC.co.uk"), and the name is no part of a longer address;
// else -1.
int DomainNameEnd(const Document& doc, int t) {
  const Token* const tk = doc.tokens.data();
  const int n = static_cast<int>(doc.tokens.size());
  int end = -1;
  for (int u = t + 1; u + 1 < n && doc.TokenText(u) == "." && !tk[u].space_before &&
                      !tk[u + 1].space_before && tk[u + 1].kind == TokenKind::kWord &&
                      !tk[u + 1].capitals && Words().domain_suffix.Has(doc.TokenText(u + 1));
       u += 2)
    end = u + 2;
  if (end < 0) return -1;
  // The name stands alone: not inside an address ("www.juancole.com", "tripod.com/page.htm").
  const auto glued_mark = [&](int u) {
    const std::string_view m = doc.TokenText(u);
    return m == "." || m == "/" || m == "@" || m == ":" || m == "-" || m == "_";
  };
  if (end < n && !tk[end].space_before &&
      (tk[end].kind == TokenKind::kWord || tk[end].kind == TokenKind::kNumber ||
       (glued_mark(end) && end + 1 < n && !tk[end + 1].space_before &&
        tk[end + 1].kind != TokenKind::kPunct)))
    return -1;
  if (t > 0 && !tk[t].space_before && glued_mark(t - 1)) return -1;
  return end;
}

// Step 3f: a web site's name written with its domain ("Salon.com", "SpreadingSantorum.com",
// "Metro.us", "savingforcollege.com") is an organisation's, the suffix included: a span the
// tagger found that ends before the suffix runs on over it, and a word it left out becomes one.
PRESSLENS_OUT_OF_LINE void DomainNames(const Document& doc, std::vector<Candidate>* candidates) {
  std::vector<Candidate>& kept = *candidates;
  const Token* const tk = doc.tokens.data();
  const int n = static_cast<int>(doc.tokens.size());
  std::vector<Candidate> added;
  size_t k = 0;  // the first candidate that does not end before token t
  for (int t = 0; t + 2 < n; ++t) {
    if (tk[t].kind != TokenKind::kWord || tk[t + 1].space_before ||
        tk[t + 1].end - tk[t + 1].start != 1 || doc.text[tk[t + 1].start] != '.')
      continue;
    const int end = DomainNameEnd(doc, t);
    if (end < 0) continue;
    while (k < kept.size() && kept[k].last <= t) ++k;
    if (k < kept.size() && kept[k].first <= t) {
      Candidate& c = kept[k];
      if (c.last == t + 1 && c.user < 0 && (k + 1 == kept.size() || kept[k + 1].first >= end)) {
        c.last = end;
        c.type = EntityType::kOrg;
        c.known = -1;
      }
      continue;
    }
    if (k < kept.size() && kept[k].first < end) continue;
    Candidate c;
    c.first = t;
    c.last = end;
    c.type = EntityType::kOrg;
    added.push_back(c);
  }
  MergeCandidates(added, &kept);
}

// Step 3e: one capitalised word between "the" and a noun of a leader's government
// (data/en/function-words.txt [leader-office]) that the tagger left out is the leader's
// surname, a PERSON, when no table knows it: "the [Bush] administration", "the [Sharon]
// government" (the tagger reads "Bush" as the common noun). A name the tagger found keeps its
// type ("the Likud government"), and so does a name a table knows ("the Iraqi government") or a
// party's ("the Labour government": the knowledge base knows a "Labour Party").
PRESSLENS_OUT_OF_LINE void LeaderOfficeNames(const Document& doc, const NameTable& gazetteer,
                                             std::vector<Candidate>* candidates) {
  std::vector<Candidate>& kept = *candidates;
  const Token* const tk = doc.tokens.data();
  const int n = static_cast<int>(doc.tokens.size());
  const KnowledgeBase& kb = KnowledgeBase::Get();
  std::vector<Candidate> added;
  size_t k = 0;  // the first candidate that does not end before token t
  for (int t = 1; t + 1 < n; ++t) {
    if (tk[t].kind != TokenKind::kWord || !tk[t].upper_initial || tk[t].all_caps ||
        tk[t + 1].kind != TokenKind::kWord || tk[t + 1].upper_initial ||
        tk[t].newline_before || tk[t + 1].newline_before)
      continue;
    const std::string_view the = doc.TokenText(t - 1);
    if ((the != "the" && the != "The") || !Words().leader_office.Has(doc.TokenText(t + 1)))
      continue;
    while (k < kept.size() && kept[k].last <= t) ++k;
    if (k < kept.size() && kept[k].first <= t) continue;
    if (gazetteer.Lookup(doc, t, t + 1) >= 0 || kb.TypesNamed(doc.TokenText(t)) != 0 ||
        kb.TypesNamed(std::string(doc.TokenText(t)) + " Party") != 0)
      continue;
    Candidate c;
    c.first = t;
    c.last = t + 1;
    c.type = EntityType::kPerson;
    added.push_back(c);
  }
  MergeCandidates(added, &kept);
}

// Step 2h: one word of seven letters or more in -ists or -ites that no table knows names the
// followers of a person, creed or party, a group (NORP), not a person, place or organisation:
// "Baathists", "Saddamites", "Islamists".
PRESSLENS_OUT_OF_LINE void FollowersGroups(const Document& doc,
                                           std::vector<Candidate>* candidates) {
  const Token* const tk = doc.tokens.data();
  for (Candidate& c : *candidates) {
    if (c.last - c.first != 1 || c.known >= 0 || c.user >= 0 || c.type == EntityType::kNorp ||
        c.type == EntityType::kEvent || tk[c.first].all_caps || tk[c.first].kind != TokenKind::kWord)
      continue;
    const std::string_view w = doc.TokenText(c.first);
    if (w.size() < 7 || (w.substr(w.size() - 4) != "ists" && w.substr(w.size() - 4) != "ites") ||
        KnowledgeBase::Get().TypesNamed(w) != 0)
      continue;
    c.type = EntityType::kNorp;
  }
}

// The tokens [from, to) join two names of a list: a comma, "and" or "or", or a comma and one
// of them, on one line.
bool ListSeparator(const Document& doc, int from, int to) {
  const Token* const tk = doc.tokens.data();
  if (to - from < 1 || to - from > 2) return false;
  for (int t = from; t <= to; ++t)
    if (tk[t].newline_before) return false;
  const bool comma = doc.TokenText(from) == ",";
  if (to - from == 1) return comma || Words().and_or.Has(doc.TokenText(from));
  return comma && Words().and_or.Has(doc.TokenText(from + 1));
}

// Step 3d: the names of a list of three or more ("Google, Bing, and Yahoo", "The New York
// Times, Jezebel, Metro.us") are of one type: a name no table knows takes the type of the
// names of the list that a table knows (the gazetteer, the knowledge base or the user's
// lexicon), when they all have one type (PERSON, ORG or GPE) and the list has a comma; in a
// list none of whose names a table knows, written "A, B and C" (commas but for the last
// separator: not "reported from [Midway Atoll], and [Mark Landler] and ..."), the type of two
// thirds of its names or more ("Mobil, Shell and Caltex"). The tagger reads each name by its
// own letters and neighbours; the list says what they are. A person's name that the tagger
// reads as one, of two words or more opening with a given name, stays a person's in a list of
// organisations or places ("By Jane Smith and John Doe, Associated Press": a byline).
PRESSLENS_OUT_OF_LINE void ListTypes(const Document& doc, std::vector<Candidate>* candidates) {
  std::vector<Candidate>& kept = *candidates;
  const Token* const tk = doc.tokens.data();
  const KnowledgeBase& kb = KnowledgeBase::Get();
  // The last words of the persons' names of two words or more: a person named so elsewhere
  // ("Hillary Clinton") is one in a list too ("in Iraq, Obama and Clinton withdrew").
  std::unordered_set<std::string_view> surnames;
  for (const Candidate& c : kept)
    if (c.type == EntityType::kPerson && WordCount(tk, c) >= 2) surnames.insert(doc.TokenText(c.last - 1));
  // The type a table gives c (the knowledge base's, when it knows c as one type, which later
  // steps give the mention's entity; else the gazetteer's or the lexicon's, as c has it), or
  // PERSON for a person's surname, or kMisc.
  auto known = [&](const Candidate& c) {
    if (c.type == EntityType::kPerson && c.last - c.first == 1 && surnames.count(doc.TokenText(c.first)))
      return EntityType::kPerson;
    const uint8_t types = kb.TypesNamed(doc.SpanText(tk[c.first].start, tk[c.last - 1].end));
    if (types == KnowledgeBase::kKbPerson) return EntityType::kPerson;
    if (types == KnowledgeBase::kKbOrg) return EntityType::kOrg;
    if (types == KnowledgeBase::kKbGpe) return EntityType::kGpe;
    return c.known >= 0 || c.user >= 0 || types != 0 ? c.type : EntityType::kMisc;
  };
  auto listed = [](EntityType t) {
    return t == EntityType::kPerson || t == EntityType::kOrg || t == EntityType::kGpe ||
           t == EntityType::kLoc;
  };
  const Gazetteer& gaz = Gazetteer::Get();
  auto named_person = [&](const Candidate& c) {
    return c.type == EntityType::kPerson && WordCount(tk, c) >= 2 &&
           gaz.given.Find(Hash(kHashSeed, doc.TokenText(c.first))) != nullptr;
  };
  for (size_t k = 0; k < kept.size();) {
    size_t end = k + 1;
    bool comma = false;
    bool serial = true;  // "A, B and C": every separator but the last is a comma alone
    while (end < kept.size() && ListSeparator(doc, kept[end - 1].last, kept[end].first)) {
      comma = comma || doc.TokenText(kept[end - 1].last) == ",";
      if (end > k + 1 && (kept[end - 1].first - kept[end - 2].last != 1 ||
                          doc.TokenText(kept[end - 2].last) != ","))
        serial = false;  // the separator before this one was not a comma alone
      ++end;
    }
    if (end - k >= 3 && comma) {
      EntityType type = EntityType::kMisc;
      bool agree = true, all_listed = true;
      for (size_t i = k; i < end; ++i) {
        all_listed = all_listed && listed(kept[i].type);
        const EntityType t = known(kept[i]);
        if (t == EntityType::kMisc) continue;
        if (type == EntityType::kMisc) type = t;
        agree = agree && t == type;
      }
      if (type == EntityType::kMisc && serial) {  // none known: the type of two thirds or more
        int counts[kEntityTypes] = {0};
        for (size_t i = k; i < end; ++i) ++counts[static_cast<int>(kept[i].type)];
        for (int t = 0; t < kEntityTypes; ++t)
          if (3 * counts[t] >= 2 * static_cast<int>(end - k)) type = static_cast<EntityType>(t);
      }
      if (all_listed && agree &&
          (type == EntityType::kPerson || type == EntityType::kOrg || type == EntityType::kGpe))
        for (size_t i = k; i < end; ++i)
          if (kept[i].rule == MentionRule::kModel && known(kept[i]) == EntityType::kMisc &&
              (type == EntityType::kPerson || !named_person(kept[i])))
            kept[i].type = type;
    }
    k = end;
  }
}

// Step 3b: a name in a headline or caption line (a title-case one too) is cut to the longest
// part of it that the text's body names, when every word cut off is one the text also writes
// in lower case
// ("Hillary Clinton Was Headed to ER" -> "Hillary Clinton", "Only 3 Percent of Hillary
// Clinton" -> "Hillary Clinton"): in a title-case or all-caps line the tagger cannot tell
// where a name ends, and a fragment would become the entity's name. A first name is not cut
// off ("Hillary" is never written in lower case), and spans the body has whole stay. A span of
// a title-case headline (not of a results table) whose words the body never capitalises, one
// of which the text writes in lower case, is no name unless a table knows it ("Stealth Over
// Health").
PRESSLENS_OUT_OF_LINE void HeadlineSpansToBodyNames(const Document& doc,
                                                    const NerFeatures& feats,
                                                    std::vector<Candidate>* candidates,
                                                    FlatMap* body_names) {
  std::vector<Candidate>& kept = *candidates;
  const Token* const tk = doc.tokens.data();
  // A headline: a line of its own without a final stop, a sentence of five words or more of
  // which three in four are capitalised (a title-case headline that ends in a stop), or a
  // subhead: a line of its own of two to twelve words, each capitalised but short function
  // words ("Scrutinizing the Science."). 3 (bit 2 set) when it has no number (it is no line
  // of a results table), else 1.
  const int n = static_cast<int>(doc.tokens.size());
  std::vector<uint8_t> headline(doc.sentences.size());
  for (size_t s = 0; s < headline.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    int words = 0, capitalised = 0;
    bool number = false, title_case = true;
    for (int t = sentence.first; t < sentence.last; ++t) {
      if (tk[t].kind == TokenKind::kWord) {
        ++words;
        capitalised += tk[t].upper_initial;
        title_case = title_case && (tk[t].upper_initial || tk[t].end - tk[t].start <= 4);
      }
      number = number || tk[t].kind == TokenKind::kNumber;
    }
    const bool own_line = sentence.first < sentence.last &&
                          (sentence.first == 0 || tk[sentence.first].newline_before) &&
                          (sentence.last >= n || tk[sentence.last].newline_before);
    const bool subhead = own_line && title_case && capitalised >= 2 && words <= 12;
    if (sentence.headline || subhead || (words >= 5 && 4 * capitalised >= 3 * words))
      headline[s] = number ? 1 : 3;
  }
  auto in_headline = [&](const Candidate& c) {
    const int s = tk[c.first].sentence;
    return s >= 0 && headline[s];
  };
  auto key = [&](int first, int last) {
    const uint32_t start = tk[first].start;
    return Hash(kHashSeed, doc.lower_text.substr(start, tk[last - 1].end - start));
  };
  constexpr int kLongestCut = 12;  // tokens: longer spans are left alone (the search is cubic)
  bool any = false;
  for (const Candidate& c : kept) any = any || in_headline(c);
  if (!any || doc.folded_hash.size() != doc.tokens.size()) return;
  // The words the body capitalises inside a sentence (not at its start), when first needed.
  FlatMap capitalised;
  bool capitalised_built = false;
  auto body_capitalises = [&](int word) {
    if (!capitalised_built) {
      capitalised_built = true;
      capitalised.Reset(kept.size() + 16);
      for (const Sentence& sentence : doc.sentences) {
        if (sentence.headline || sentence.first >= sentence.last ||
            headline[tk[sentence.first].sentence])
          continue;
        for (int t = sentence.first + 1; t < sentence.last; ++t)
          if (tk[t].kind == TokenKind::kWord && tk[t].upper_initial && !tk[t].all_caps)
            capitalised.Insert(doc.folded_hash[t], 0);
      }
    }
    return capitalised.Contains(doc.folded_hash[word]);
  };
  // A word English writes in lower case: in this text, or mostly (Gazetteer::WordCase).
  auto common = [&](int t) {
    return !IsWord(tk[t]) || feats.seen_lower(t) || feats.word_case(t) == 1;
  };
  body_names->Reset(kept.size());
  for (size_t k = 0; k < kept.size(); ++k)
    if (!in_headline(kept[k]))
      body_names->Insert(key(kept[k].first, kept[k].last), static_cast<int32_t>(k));
  const KnowledgeBase& kb = KnowledgeBase::Get();
  bool dropped = false;
  std::vector<Candidate> pieces, added;  // a span's body names; those after its first
  for (Candidate& c : kept) {
    if (c.last - c.first > kLongestCut || !in_headline(c) ||
        body_names->Contains(key(c.first, c.last)))
      continue;
    // One word is no name when it is a common word the body never capitalises ("An
    // Ambitious, Divisive [Legacy]."); longer spans need one such word.
    bool unnamed = (headline[tk[c.first].sentence] & 2) && c.known < 0 && c.user < 0 &&
                   !AllCaps(tk, c);
    bool lower = false;
    for (int t = c.first; t < c.last && unnamed; ++t) {
      unnamed = !IsWord(tk[t]) || !body_capitalises(t);
      lower = lower || (IsWord(tk[t]) && common(t));
    }
    if (c.last - c.first < 2) {
      if (unnamed && lower && !kb.TypesNamed(doc.TokenText(c.first))) {
        c.last = c.first;  // removed below
        dropped = true;
      }
      continue;
    }
    if (unnamed && lower &&
        !kb.TypesNamed(doc.SpanText(tk[c.first].start, tk[c.last - 1].end))) {
      c.last = c.first;  // removed below
      dropped = true;
      continue;
    }
    bool cut = false;
    for (int len = c.last - c.first - 1; len >= 1 && !cut; --len) {
      for (int a = c.first; a + len <= c.last && !cut; ++a) {
        if (!IsWord(tk[a]) || !IsWord(tk[a + len - 1])) continue;
        bool rest_common = true;
        for (int t = c.first; t < c.last && rest_common; ++t)
          rest_common = (t >= a && t < a + len) || common(t);
        if (!rest_common) continue;
        const int32_t* body = body_names->Find(key(a, a + len));
        if (!body) continue;
        const Candidate& b = kept[*body];
        c.first = a;
        c.last = a + len;
        c.type = b.type;
        c.known = b.known;
        c.user = b.user;
        cut = true;
      }
    }
    if (cut) continue;
    // Several body names with other words between them ("[Washington Post] Hit Piece
    // Exploits [Trump] Supporter Who Was"): each becomes a mention; the span is cut only when
    // every word is in one of them, common, or one the body never capitalises, and a
    // capitalised word parts every two of them ("ROBERTO DURAN" stays whole).
    pieces.clear();
    bool parted = true;  // a capitalised word lies between every two pieces
    bool gap = false;    // ... since the last piece
    for (int t = c.first; t < c.last;) {
      int len = std::min(c.last - t, 6);
      const int32_t* body = nullptr;
      for (; len >= 1 && !body; --len)
        if (IsWord(tk[t]) && IsWord(tk[t + len - 1])) body = body_names->Find(key(t, t + len));
      if (body) {
        ++len;  // the loop stepped past the length found
        Candidate piece = kept[*body];
        piece.first = t;
        piece.last = t + len;
        piece.rule = c.rule;
        piece.title = -1;
        parted = parted && (pieces.empty() || gap);
        gap = false;
        pieces.push_back(piece);
        t += len;
      } else if (common(t) || !body_capitalises(t)) {
        gap = gap || (IsWord(tk[t]) && tk[t].upper_initial);
        ++t;
      } else {
        pieces.clear();
        break;
      }
    }
    if (pieces.size() < 2 || !parted) continue;
    c = pieces[0];
    added.insert(added.end(), pieces.begin() + 1, pieces.end());
  }
  if (dropped)
    kept.erase(std::remove_if(kept.begin(), kept.end(),
                              [](const Candidate& c) { return c.first == c.last; }),
               kept.end());
  if (!added.empty()) {
    kept.insert(kept.end(), added.begin(), added.end());
    std::stable_sort(kept.begin(), kept.end(),
                     [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
  }
}

// Step 4a: one name, one entity. Entities that are the same unknown name spelled alike but got
// different types from the tagger in different sentences (ORG "Telegram said", GPE "fled to
// Telegram") become one, of the type most of their mentions have (ORG on a tie: an unknown
// name is more often an organisation than a place), or a GPE when one of its mentions is the
// place of a title ("Kharkiv Mayor Ihor Terekhov ... Kharkiv was shelled": a city has a mayor,
// also a city the gazetteer knows). Other names the gazetteer knows keep their types per
// mention (the city and its team).
PRESSLENS_OUT_OF_LINE void MergeTypesOfOneName(const std::vector<Candidate>& kept,
                                               std::vector<int>* entity_of,
                                               std::vector<Linked>* linked_entities) {
  std::vector<Linked>& linked = *linked_entities;
  const size_t n = linked.size();
  std::vector<int> votes(n * 3, 0);  // per entity: mentions typed ORG, GPE, LOC
  std::vector<uint8_t> known(n, 0), titled(n, 0);
  for (size_t k = 0; k < kept.size(); ++k) {
    const int e = (*entity_of)[k];
    known[e] |= kept[k].known >= 0 || kept[k].user >= 0;
    titled[e] |= kept[k].titled_place;
    const EntityType t = linked[e].type;
    if (t == EntityType::kOrg || t == EntityType::kGpe || t == EntityType::kLoc)
      ++votes[3 * e + (t == EntityType::kOrg ? 0 : t == EntityType::kGpe ? 1 : 2)];
  }
  // The names of titled places: all their mentions are the place, known names too.
  FlatMap titled_names;
  titled_names.Reset(4);
  for (size_t e = 0; e < n; ++e)
    if (titled[e]) titled_names.Insert(Hash(kHashSeed, linked[e].name, true), 0);
  for (size_t e = 0; e < n; ++e)
    if (known[e] && titled_names.Contains(Hash(kHashSeed, linked[e].name, true))) known[e] = 0;
  FlatMap first;  // folded name -> first entity with it
  first.Reset(n);
  std::vector<int> into(n, -1);
  bool any = false;
  for (size_t e = 0; e < n; ++e) {
    if (known[e] || votes[3 * e] + votes[3 * e + 1] + votes[3 * e + 2] == 0) continue;
    bool inserted;
    const int32_t f = *first.FindOrInsert(Hash(kHashSeed, linked[e].name, true),
                                          static_cast<int32_t>(e), &inserted);
    if (inserted) continue;
    into[e] = f;
    for (int v = 0; v < 3; ++v) votes[3 * f + v] += votes[3 * e + v];
    titled[f] |= titled[e];
    any = true;
  }
  if (!any) return;
  for (size_t e = 0; e < n; ++e) {
    if (into[e] >= 0 || known[e]) continue;
    const int* v = &votes[3 * e];
    const int most = std::max({v[0], v[1], v[2]});
    if (most == 0) continue;
    linked[e].type = titled[e]      ? EntityType::kGpe
                     : v[0] == most ? EntityType::kOrg
                     : v[1] == most ? EntityType::kGpe
                                    : EntityType::kLoc;
  }
  for (int& e : *entity_of)
    if (into[e] >= 0) e = into[e];
}

// Step 4a: a person that is a word of an organisation's name in the text is that organisation
// ("LM Ericsson AB" ... "Ericsson said", "Magna International Inc" ... "Magna"): a PERSON
// entity none of whose mentions opens with a given name, has a title or is a name the
// knowledge base or the user's lexicon knows (a person is introduced so), whose mentions name
// the organisation by a distinctive word of its name (IndexOrgNames: one name has it; not a
// given name), the same organisation for all of them. Its mentions join that organisation.
PRESSLENS_OUT_OF_LINE void PersonsAsTextOrgs(const Document& doc, const NerFeatures& feats,
                                             const Gazetteer& gaz,
                                             const std::vector<Candidate>& kept,
                                             const FlatMap& org_words,
                                             std::vector<int>* entity_of,
                                             const std::vector<Linked>& linked) {
  if (org_words.size() == 0) return;
  const Token* const tk = doc.tokens.data();
  constexpr int kNone = -1, kNot = -2;
  std::vector<int> org_of(linked.size(), kNone);  // per entity: the organisation's entity
  bool any = false;
  for (size_t k = 0; k < kept.size(); ++k) {
    const Candidate& c = kept[k];
    const int e = (*entity_of)[k];
    if (linked[e].type != EntityType::kPerson || org_of[e] == kNot) continue;
    if (c.title >= 0 || c.user >= 0 || c.rule == MentionRule::kKnowledgeBase ||
        (c.last - c.first >= 2 && gaz.given.Contains(feats.exact(c.first)))) {
      org_of[e] = kNot;
      continue;
    }
    // The word that names the organisation: a one-word mention's, or the first of a longer
    // one ("Pirelli SpA"; a person's name ends in the surname: "Donna Trump", not the
    // organisation "Trump Hotels"). A longer mention whose words all lie in the organisation's
    // name ("Melania Trump" inside a headline's "Hold Melania Trump") is a name of its own.
    int words = 0, org_named = 0, first_org = kNone;
    for (int t = c.first; t < c.last; ++t) {
      if (tk[t].kind != TokenKind::kWord || !tk[t].upper_initial) continue;
      int o = kNone;
      if (!gaz.given.Contains(feats.exact(t))) {
        const int32_t* org = org_words.Find(feats.folded(t));
        if (org && *org >= 0) o = (*entity_of)[static_cast<size_t>(*org)];
        if (o >= 0 && linked[o].type != EntityType::kOrg) o = kNone;
      }
      if (words++ == 0) first_org = o;
      org_named += o >= 0;
    }
    const int o = first_org;
    if (o < 0 || (words >= 2 && org_named == words)) {
      if (words >= 2) org_of[e] = kNot;
      continue;
    }
    if (org_of[e] == kNone) org_of[e] = o;
    else if (org_of[e] != o) org_of[e] = kNot;
    any = any || org_of[e] >= 0;
  }
  if (!any) return;
  for (size_t k = 0; k < kept.size(); ++k) {
    const int e = (*entity_of)[k];
    if (e >= 0 && linked[e].type == EntityType::kPerson && org_of[e] >= 0)
      (*entity_of)[k] = org_of[e];
  }
}

// Step 4c: a social-media handle ("@MaryJBlige", "(@AppleMusic)") whose letters and digits
// are those of an entity's name of two words or more ("Mary J. Blige", "Apple Music"), up to
// case, is a mention of that entity (the "@" outside it), whatever the tagger made of it.
PRESSLENS_OUT_OF_LINE void LinkHandles(const Document& doc, std::vector<Candidate>* kept,
                                       std::vector<int>* entity_of,
                                       std::vector<MentionText>* text_of,
                                       std::vector<Linked>* linked) {
  const Token* const tk = doc.tokens.data();
  const int n = static_cast<int>(doc.tokens.size());
  auto squeezed = [](std::string_view s) {  // folded letters and digits
    std::string out;
    for (char ch : s)
      if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
      else if (ch >= 'A' && ch <= 'Z') out += static_cast<char>(ch - 'A' + 'a');
    return out;
  };
  std::vector<std::pair<int, int>> handles;  // token, entity
  FlatMap names;
  bool names_built = false;
  for (int i = 0; i + 1 < n; ++i) {
    if (doc.TokenText(i) != "@" || tk[i + 1].kind != TokenKind::kWord || tk[i + 1].space_before ||
        tk[i + 1].end - tk[i + 1].start < 4)
      continue;
    if (!names_built) {
      names_built = true;
      names.Reset(linked->size());
      for (size_t e = 0; e < linked->size(); ++e) {
        const std::string_view name = (*linked)[e].name;
        if (name.find(' ') == std::string_view::npos) continue;
        bool inserted;
        int32_t* at = names.FindOrInsert(Hash(kHashSeed, squeezed(name)), static_cast<int32_t>(e),
                                         &inserted);
        if (!inserted && *at != static_cast<int32_t>(e)) *at = -1;  // two entities: neither
      }
    }
    const int32_t* e = names.Find(Hash(kHashSeed, squeezed(doc.TokenText(i + 1))));
    if (e && *e >= 0) handles.emplace_back(i + 1, *e);
  }
  if (handles.empty()) return;
  std::vector<Candidate> added;
  std::vector<int> added_entity;
  size_t k = 0;
  for (const auto& [t, e] : handles) {
    while (k < kept->size() && (*kept)[k].last <= t) ++k;
    if (k < kept->size() && (*kept)[k].first <= t) {  // a mention covers the handle
      if ((*kept)[k].first == t && (*kept)[k].last == t + 1) (*entity_of)[k] = e;
      continue;
    }
    Candidate c;
    c.first = t;
    c.last = t + 1;
    c.type = (*linked)[e].type;
    c.rule = MentionRule::kAlias;
    added.push_back(c);
    added_entity.push_back(e);
  }
  if (added.empty()) return;
  // Merged in text order; the entities named by a mention follow it to its new index.
  const size_t m = kept->size();
  std::vector<Candidate> merged;
  std::vector<int> merged_entity, new_index(m);
  std::vector<MentionText> merged_text;
  merged.reserve(m + added.size());
  size_t a = 0, b = 0;
  while (a < m || b < added.size()) {
    if (b == added.size() || (a < m && (*kept)[a].first < added[b].first)) {
      new_index[a] = static_cast<int>(merged.size());
      merged.push_back((*kept)[a]);
      merged_entity.push_back((*entity_of)[a]);
      merged_text.push_back((*text_of)[a]);
      ++a;
    } else {
      MentionText mt;
      mt.raw = doc.TokenText(added[b].first);
      mt.size = mt.raw.size();
      merged.push_back(added[b]);
      merged_entity.push_back(added_entity[b]);
      merged_text.push_back(mt);
      ++b;
    }
  }
  for (Linked& l : *linked)
    if (l.name_mention >= 0) l.name_mention = new_index[static_cast<size_t>(l.name_mention)];
  kept->swap(merged);
  entity_of->swap(merged_entity);
  text_of->swap(merged_text);
}

// Step 5 of EntityFinder::Run: the mentions in text order and the Result's entities, numbered
// by first mention, each built once with its mention list sized.
PRESSLENS_OUT_OF_LINE void BuildResult(Document* doc, const std::vector<Candidate>& kept,
                                       const std::vector<MentionText>& text_of,
                                       const std::vector<int>& entity_of,
                                       std::vector<Linked>* linked_entities) {
  std::vector<Linked>& linked = *linked_entities;
  const Token* const tk = doc->tokens.data();
  const size_t m = kept.size();
  for (size_t k = 0; k < m; ++k) ++linked[entity_of[k]].mentions;
  auto& entities = doc->entities;
  const int numbered = static_cast<int>(entities.size());
  entities.reserve(entities.size() + linked.size());
  doc->mentions.reserve(doc->mentions.size() + m);
  for (size_t k = 0; k < m; ++k) {
    const Candidate& c = kept[k];
    Linked& l = linked[entity_of[k]];
    if (l.number < 0) {
      l.number = static_cast<int>(entities.size()) - numbered;
      entities.emplace_back();
      Entity& e = entities.back();
      e.type = std::string(EntityTypeName(l.type));
      if (l.name_mention >= 0 && !text_of[l.name_mention].valid) e.name = ValidUtf8(l.name);
      else e.name = std::string(l.name);
      e.mentions.reserve(l.mentions);
      // Mostly empty: no copy call for those.
      if (!l.title.empty()) e.title = std::string(l.title);
      if (!l.country.empty()) e.country = std::string(l.country);
      if (!l.refers_to.empty()) e.refers_to = std::string(l.refers_to);
      if (!l.wikidata.empty()) e.wikidata = std::string(l.wikidata);
    }
    doc->mentions.emplace_back();
    Mention& mention = doc->mentions.back();
    mention.first = c.first;
    mention.last = c.last;
    mention.start = tk[c.first].start;
    mention.end = tk[c.last - 1].end;
    mention.type = l.type;  // the entity's: the knowledge base may retype it
    mention.entity = l.number;
    mention.rule = c.rule;
    entities[numbered + l.number].mentions.push_back({mention.start, mention.end});
  }
}

}  // namespace

struct EntityFinder::Tables {
  const Gazetteer& gaz = Gazetteer::Get();
  NameTable user;  // the user's lexicon: always wins
  NerModel model;
  HashSet place_titles;  // data/place-titles.txt, exact case
  HashSet out_of_scheme_heads;  // data/en/name-heads-out-of-scheme.txt, exact case
};

struct EntityFinder::Scratch {
  NerFeatures feats;
  NerState state;
  std::vector<Candidate> cands, kept, lexicon, extra, merged, aliases;
  std::vector<uint8_t> covered;
  FlatMap person_words, by_key, by_initials, org_words, word_list;
  std::vector<int> entity_of, user_person, order, short_names;
  std::vector<MentionText> text_of;
  std::vector<std::string> repaired;
  std::vector<Linked> linked;
  std::vector<PersonEntity> persons;
  std::vector<PersonLink> links;
  std::vector<std::pair<int, int>> word_lists;
  std::vector<uint64_t> word_pool, words, user_words;
  std::vector<std::string_view> countries;
  std::vector<uint8_t> evidence;  // per entity: MentionEvidence bits
};

EntityFinder::EntityFinder(const std::vector<LexiconEntry>& user_lexicon,
                           std::vector<std::string>* errors)
    : tables_(new Tables) {
  ForEachDataLine("name-heads-out-of-scheme", [this](std::string_view t) {
    tables_->out_of_scheme_heads.Insert(Hash(kHashSeed, t));
  });
  ForEachDataLine("place-titles",
                  [this](std::string_view t) { tables_->place_titles.Insert(Hash(kHashSeed, t)); });
  if (!tables_->model.Load(EmbeddedData("ner-model")))
    errors->push_back("entity model missing or malformed: only known names are found");
  for (const LexiconEntry& e : user_lexicon) {
    if (e.name.empty() || !ValidEntityType(e.type)) {
      errors->push_back("lexicon entry '" + e.name + "' ignored: type must be one of PERSON, "
                        "ORG, GPE, LOC, NORP, EVENT and name must not be empty");
      continue;
    }
    std::vector<std::string_view> aliases(e.aliases.begin(), e.aliases.end());
    tables_->user.Add({e.type, e.name, "", "", ""}, aliases);
  }
}

EntityFinder::~EntityFinder() = default;

// A very long text's buffers are freed as soon as they are read, so that the later steps reuse
// their storage, and are not kept for the next text.
namespace {
bool LongText(const Document& doc) { return doc.tokens.size() > (1u << 18); }
}  // namespace

std::shared_ptr<EntityFinder::Scratch> EntityFinder::NewScratch() {
  return std::make_shared<Scratch>();
}

void EntityFinder::Run(Document* doc, Scratch* scratch) const {
  const bool long_text = LongText(*doc);
  scratch->feats.Compute(*doc, tables_->gaz);
  tables_->model.Tag(scratch->feats, &scratch->state);
  if (long_text) scratch->feats.ReleaseTaggerInputs();
  Link(doc, scratch);
  if (long_text) *scratch = Scratch();
}

// The user's names in the text (Link; most callers have none).
PRESSLENS_OUT_OF_LINE void EntityFinder::AddUserNames(const Document& doc, Scratch* s) const {
  const int n = static_cast<int>(doc.tokens.size());
  for (int i = 0; i < n;) {
    int id = -1;
    int end = tables_->user.Match(doc, i, &id);
    if (end < 0) {
      ++i;
      continue;
    }
    Candidate c;
    c.first = i;
    c.last = end;
    c.user = id;
    c.type = tables_->user.type(id);
    c.rule = MentionRule::kLexicon;
    s->lexicon.push_back(c);
    i = end;
  }
}

// Link: words of a person's full name are that person elsewhere in the text. Returns whether
// s->covered marks the tokens of the mentions kept.
PRESSLENS_OUT_OF_LINE bool EntityFinder::AddPersonWords(Document* doc, Scratch* s) const {
  const Gazetteer& gaz = tables_->gaz;
  const int n = static_cast<int>(doc->tokens.size());
  const Token* const tk = doc->tokens.data();
  const NerFeatures& feats = s->feats;
  std::vector<Candidate>& kept = s->kept;
  std::vector<Candidate>& lexicon = s->lexicon;
  // One name, one type within a text: a single word that is part of a person's full name
  // elsewhere in the text ("Aung San Suu Kyi" ... "Kyi", "Wang Yi" ... "Wang"), or a person's
  // name written after a title, or any one word after an honorific ("Mr. Obama" ... "Obama
  // on Climate Change", not the town in Japan), is that person, whatever the tagger said
  // about the word on its own.
  auto titled = [&](const Candidate& c) {
    for (int b = std::max(0, c.first - 3); b < c.first; ++b) {
      int id = -1;
      if (TitleAt(gaz, *doc, feats, b, &id) == c.first)
        return c.type == EntityType::kPerson ||
               (c.last - c.first == 1 && c.user < 0 && TitleId(gaz, id) < 0 &&
                doc->tokens[b].upper_initial);  // "Mr.", not "will miss England's"
    }
    return false;
  };
  FlatMap& person_words = s->person_words;  // folded word hashes (as the tagger's)
  person_words.Reset(kept.size() + lexicon.size());
  for (const auto* list : {&kept, &lexicon})
    for (const Candidate& c : *list)
      if ((c.type == EntityType::kPerson && c.last - c.first >= 2) || titled(c))
        for (int t = c.first; t < c.last; ++t)
          if (tk[t].kind == TokenKind::kWord && tk[t].upper_initial &&
              !tk[t].all_caps && doc->TokenText(t).find('.') == std::string_view::npos)
            person_words.Insert(feats.folded(t), 0);  // names, not initials ("U.S.")
  bool covered_ready = false;  // s->covered marks the tokens of the mentions kept
  if (person_words.size() > 0) {
    for (Candidate& c : kept)
      if (c.type != EntityType::kPerson && c.user < 0 && (c.last - c.first == 1 || c.known < 0)) {
        // A word, or an unknown name made only of the person's words ("Suu Kyi").
        bool all = true;
        for (int t = c.first; t < c.last && all; ++t)
          all = tk[t].kind != TokenKind::kWord || person_words.Contains(feats.folded(t));
        if (all) {
          c.type = EntityType::kPerson;
          c.known = -1;
        }
      }
    // ... and so is such a word the tagger left untagged ("Quintanovska said"), unless it is
    // a given name (other people share it) or starts a longer capitalised name.
    std::vector<uint8_t>& taken = s->covered;
    taken.assign(n, 0);
    for (const auto* list : {&kept, &lexicon})
      for (const Candidate& c : *list)
        for (int t = c.first; t < c.last; ++t) taken[t] = 1;
    // The words found here, in text order: merged into kept below (kept is sized for the
    // tagger's spans, and would double if they were appended to it).
    std::vector<Candidate>& aliases = s->aliases;
    aliases.clear();
    uint8_t* const tkn = taken.data();  // a plain pointer, as tk
    for (int i = 0; i < n; ++i) {
      // A tight loop to the next capitalised word not taken (most tokens are not): the body
      // below is large enough that the compiler keeps this loop's variables on the stack.
      while (i < n && !(tk[i].upper_initial && tk[i].kind == TokenKind::kWord && !tkn[i])) ++i;
      if (i == n) break;
      const Token& t = tk[i];
      if (i + 1 < n && !tkn[i + 1] && tk[i + 1].upper_initial && tk[i + 1].space_before &&
          !(t.all_caps && tk[i + 1].all_caps))  // in an all-caps headline every word is
        continue;
      std::string_view w = doc->TokenText(i);
      if (w.size() < 3 || !person_words.Contains(feats.folded(i)) ||
          gaz.given.Contains(feats.exact(i)))
        continue;
      Candidate c;
      c.first = i;
      c.last = i + 1;
      c.type = EntityType::kPerson;
      c.rule = MentionRule::kAlias;
      aliases.push_back(c);
      tkn[i] = 1;  // (read only for tokens after i + 1 from here on)
    }
    // Without the user's names, the tokens taken are those the mentions cover.
    covered_ready = lexicon.empty();
    if (!aliases.empty()) {  // merged into text order (stably: the spans do not overlap)
      std::vector<Candidate>& merged = s->merged;
      merged.clear();
      merged.reserve(kept.size() + aliases.size());
      const size_t before = kept.size();
      size_t a = 0, b = 0;
      while (a < before || b < aliases.size())
        merged.push_back(b == aliases.size() || (a < before && !(aliases[b].first < kept[a].first))
                             ? kept[a++]
                             : aliases[b++]);
      kept.swap(merged);
    }
  }

  return covered_ready;
}

// Link, step 3 (below).
PRESSLENS_OUT_OF_LINE void EntityFinder::AddKnownNames(Document* doc, Scratch* s,
                                                       bool covered_ready) const {
  const Gazetteer& gaz = tables_->gaz;
  const int n = static_cast<int>(doc->tokens.size());
  const Token* const tk = doc->tokens.data();
  const NerFeatures& feats = s->feats;
  std::vector<Candidate>& kept = s->kept;
  std::vector<Candidate>& lexicon = s->lexicon;
  // 3. Known names the tagger left untagged: groups and events (NORP, EVENT), which the
  // tagger only learned as MISC, the hand-kept organisations and regions, and countries
  // (not cities: many are also common words or surnames); and the user's lexicon, which
  // overrides the tagger.
  std::vector<uint8_t>& covered = s->covered;
  if (!covered_ready) {
    covered.assign(n, 0);
    for (const Candidate& c : kept)
      for (int t = c.first; t < c.last; ++t) covered[t] = 1;
  }
  std::vector<Candidate>& extra = s->extra;  // in text order, non-overlapping
  extra.clear();
  size_t u = 0;
  for (const auto& match : feats.gaz_matches()) {  // found once, for the tagger's features
    const int first = match.first, last = match.end;
    while (u < lexicon.size() && lexicon[u].last <= first) extra.push_back(lexicon[u++]);
    if (u < lexicon.size() && lexicon[u].first < last) continue;  // the user's name wins
    const KnownName& k = gaz.names.known(match.id);
    const EntityType ktype = gaz.names.type(match.id);
    bool free = true;
    for (int t = first; t < last; ++t) free = free && !covered[t];
    // Countries too: the tagger rarely misses one, but "US" and the like are rare in its
    // training text.
    bool country = ktype == EntityType::kGpe && k.country == k.name;
    // A sentence's first word, capitalised only there, that the text also writes in lower
    // case ("House prices rose") is the common word.
    const bool common = last - first == 1 && tk[first].sentence >= 0 &&
                        doc->sentences[tk[first].sentence].first == first &&
                        feats.seen_lower(first);
    if (free && (ktype != EntityType::kGpe || country) && tk[first].upper_initial && !common &&
        !(last - first == 1 && tk[first].all_caps && CurrencyPrefix(*doc, last))) {
      Candidate c;
      c.first = first;
      c.last = last;
      c.known = match.id;
      c.type = ktype;
      c.rule = MentionRule::kGazetteer;
      extra.push_back(c);
    }
  }
  while (u < lexicon.size()) extra.push_back(lexicon[u++]);
  if (!extra.empty()) {
    // Merge: lexicon matches replace overlapping tagger spans; gazetteer ones only fill gaps.
    std::vector<Candidate>& merged = s->merged;
    merged.clear();
    merged.reserve(kept.size() + extra.size());
    size_t a = 0, b = 0;
    while (a < kept.size() || b < extra.size()) {
      if (b == extra.size() || (a < kept.size() && kept[a].last <= extra[b].first)) {
        merged.push_back(kept[a++]);
      } else if (a == kept.size() || extra[b].last <= kept[a].first) {
        merged.push_back(extra[b++]);
      } else if (extra[b].user >= 0) {  // the lexicon's
        while (a < kept.size() && kept[a].first < extra[b].last) ++a;  // overlapped: dropped
        merged.push_back(extra[b++]);
      } else {
        ++b;
      }
    }
    // A lexicon span may have overlapped a tagger span that was already taken (dropped in
    // place: with no such overlap nothing moves).
    size_t out = 0;
    for (size_t r = 0; r < merged.size(); ++r) {
      if (out > 0 && merged[r].first < merged[out - 1].last) {
        if (merged[r].user >= 0) merged[out - 1] = merged[r];  // the lexicon's
        continue;
      }
      if (out != r) merged[out] = merged[r];
      ++out;
    }
    merged.resize(out);
    kept.swap(merged);
  }

}

// Link, step 2 (below): the tagger's spans cleaned and typed into s->kept.
PRESSLENS_OUT_OF_LINE void EntityFinder::CleanSpans(Document* doc, Scratch* s) const {
  const Gazetteer& gaz = tables_->gaz;
  const Token* const tk = doc->tokens.data();
  const NerFeatures& feats = s->feats;
  std::vector<Candidate>& cands = s->cands;
  auto title_at = [&](int t, int* id) { return TitleAt(gaz, *doc, feats, t, id); };
  // 2. Clean each span: no punctuation, quote marks or clitics at the edges (a period that
  // ends an abbreviation inside the name, "Corp.", stays); no title or article inside a
  // PERSON; the gazetteer decides GPE vs LOC and which MISC names are NORP or EVENT.
  std::vector<Candidate>& kept = s->kept;
  kept.clear();
  kept.reserve(cands.size());  // about one each: not grown by doubling
  int work_end = -1;  // the end of the last name of a work, law or prize (OutOfScheme)
  CapitalisedInside capitalised_inside(*doc, feats);
  NamesWithClitic names_with_clitic(*doc, feats);
  // The names of the storms the text names after a word of [storm-word] ("Cyclone
  // [Phailin]"), by the tagger's exact hash: the name alone names the storm too.
  std::vector<uint64_t> storm_names;
  for (const Candidate& c : cands)
    for (int t = std::max(0, c.first - 1); t + 1 < c.last; ++t)
      if (tk[t].upper_initial && StormWord(doc->TokenText(t)) && tk[t + 1].upper_initial &&
          tk[t + 1].kind == TokenKind::kWord)
        storm_names.push_back(feats.exact(t + 1));
  // The given names the tagger calls organisations, written alone, that a pronoun of the
  // name's gender follows once (by the tagger's exact hash).
  std::vector<uint64_t> persons_by_pronoun;
  for (const Candidate& c : cands)
    if (c.type == EntityType::kOrg && c.last - c.first == 1 &&
        GenderPronounAfter(*doc, c.first, gaz.GivenNameGender(doc->TokenText(c.first))))
      persons_by_pronoun.push_back(feats.exact(c.first));
  auto storm_name = [&](uint64_t h) {
    return std::find(storm_names.begin(), storm_names.end(), h) != storm_names.end();
  };
  for (Candidate& c : cands) {
    // A club's name in a results table keeps its bracketed letters (CoNLL-2003 annotates
    // "Proleter (Z)" as one organisation); the letters are no name of their own.
    if (!kept.empty() && c.first < kept.back().last && c.first >= kept.back().first) continue;
    if (c.type != EntityType::kMisc && BracketedLetters(*doc, c)) {
      c.last += 3;
      c.type = EntityType::kOrg;
    }
    while (c.first < c.last && !IsWord(tk[c.first])) ++c.first;
    while (c.last > c.first && !IsWord(tk[c.last - 1])) {
      const Token& t = tk[c.last - 1];
      if (doc->TokenText(c.last - 1) == ")") {  // "Mladost (L)": a closing bracket that pairs
        int open = c.last - 2;
        while (open > c.first && doc->TokenText(open) != "(" && doc->TokenText(open) != ")") --open;
        if (open > c.first && doc->TokenText(open) == "(") break;
      }
      bool abbreviation_period = doc->TokenText(c.last - 1) == "." && !t.space_before &&
                                 c.last - 2 > c.first && tk[c.last - 2].upper_initial &&
                                 tk[c.last - 2].end - tk[c.last - 2].start <= 4;
      if (abbreviation_period) break;
      --c.last;
    }
    // A name whose "'s" is part of it keeps it (NamesWithClitic).
    if (c.last > c.first && c.last < static_cast<int>(doc->tokens.size()) &&
        names_with_clitic.At(c.last - 1))
      ++c.last;
    // A word before the clitic "n't" is an auxiliary verb, no part of a name ("if Blacks
    // [Do]n't Rally", "'[Do]n't leave'").
    if (c.last < static_cast<int>(doc->tokens.size()) &&
        tk[c.last].kind == TokenKind::kClitic && tk[c.last].end - tk[c.last].start >= 3 &&
        (doc->text[tk[c.last].start] == 'n' || doc->text[tk[c.last].start] == 'N')) {
      --c.last;
      while (c.last > c.first && !IsWord(tk[c.last - 1])) --c.last;
    }
    if (c.first >= c.last) continue;
    if (TitleAlone(*doc, feats, c, title_at)) continue;
    if (CommonWordOpening(*doc, feats, c, &capitalised_inside)) continue;
    if (AbbreviationPlural(*doc, c)) continue;
    // A genus before its species' epithet, a rare lower-case word of a Latin ending, is a
    // species' name, which the schema leaves out ("[Formica] fusca", "[Beauveria] bassiana").
    if (c.last - c.first == 1 && LatinEpithet(*doc, feats, c.last)) continue;
    // A storm's word alone is the common noun, no name ("the [Cyclone] is almost certain to
    // weaken"; "Cyclone Phailin" is the storm's).
    if (c.last - c.first == 1 && !tk[c.first].all_caps && StormWord(doc->TokenText(c.first)))
      continue;
    // One word in capitals that abbreviates a common noun ("DNA", "IQ"), or that makes a
    // currency's sign ("US$ 10 billion", "US $ 8"): no name.
    if (c.last - c.first == 1 && tk[c.first].all_caps &&
        (CommonAcronym(doc->TokenText(c.first)) || CurrencyPrefix(*doc, c.last)))
      continue;
    if (OutOfScheme(*doc, feats, tables_->out_of_scheme_heads, c)) {
      work_end = c.last;
      continue;
    }
    // A name after a prize's or law's name and one short lower-case word ("the Erikson Prize
    // for [Excellence] in [Mental Coverage]") continues that name, unless a table knows it.
    if (work_end >= 0 && c.first == work_end + 1 && tk[work_end].kind == TokenKind::kWord &&
        !tk[work_end].upper_initial && tk[work_end].end - tk[work_end].start <= 3 &&
        !tk[work_end].newline_before && !tk[c.first].newline_before &&
        tk[work_end].sentence == tk[c.first].sentence &&
        gaz.names.Lookup(*doc, c.first, c.last) < 0 &&
        !KnowledgeBase::Get().TypesNamed(doc->SpanText(tk[c.first].start, tk[c.last - 1].end))) {
      work_end = c.last;
      continue;
    }
    // A sentence's first word "The" is no part of a name (the name's capital is the
    // sentence's): "The Washington Post reported" -> "Washington Post"; unless the gazetteer
    // knows the name with it ("The Hague").
    if (c.type != EntityType::kPerson && c.last - c.first >= 2 && tk[c.first].sentence >= 0 &&
        doc->sentences[tk[c.first].sentence].first == c.first &&
        doc->TokenText(c.first) == "The" && gaz.names.Lookup(*doc, c.first, c.last) < 0)
      ++c.first;
    // Capitalised words right before an organisation's name that has a preposition, inside a
    // sentence, that the tagger left out and that no table knows (no nationality: "Russian"
    // + "Foreign Ministry" stay two), and no month or weekday, open the name: "the [Medical] Journal of Australia",
    // "the [International] Brotherhood of Magicians".
    if (c.type == EntityType::kOrg && c.last - c.first >= 3) {
      bool has_preposition = false;
      for (int t = c.first + 1; t + 1 < c.last; ++t)
        has_preposition = has_preposition ||
                          (!tk[t].upper_initial && InLowerList(Words().organisation_preposition,
                                                               doc->TokenText(t)));
      int first = c.first;
      for (int added = 0; has_preposition && added < 2 && first > 0; ++added) {
        const int b = first - 1;
        int id = -1;
        if (tk[b].kind != TokenKind::kWord || !tk[b].upper_initial || tk[b].all_caps ||
            !tk[first].space_before || tk[first].newline_before ||
            tk[b].sentence != tk[first].sentence || tk[b].sentence < 0 ||
            doc->sentences[tk[b].sentence].first == b || QuoteOpening(*doc, b) ||
            (!kept.empty() && kept.back().last > b) || gaz.names.Lookup(*doc, b, b + 1) >= 0 ||
            title_at(b, &id) >= 0 || doc->TokenText(b) == "The" || feats.word_case(b) == 1 ||
            InLowerList(Words().date_word, doc->TokenText(b)))
          break;
        first = b;
      }
      // Not in a title-case line (a headline), where every word is capitalised: a lower-case
      // word comes right before.
      if (first < c.first && first > 0 && tk[first - 1].kind == TokenKind::kWord &&
          !tk[first - 1].upper_initial)
        c.first = first;
    }
    // A title-case "The" inside a sentence, right before an organisation's name, is part of
    // the name ("publications including The Brooklyn Paper"): English writes the article in
    // lower case there unless the name has it.
    if (c.type == EntityType::kOrg && c.first > 0 && doc->TokenText(c.first - 1) == "The" &&
        tk[c.first - 1].sentence >= 0 && tk[c.first - 1].sentence == tk[c.first].sentence &&
        doc->sentences[tk[c.first - 1].sentence].first != c.first - 1 &&
        !tk[c.first].newline_before && !QuoteOpening(*doc, c.first - 1) &&
        c.first >= 2 && tk[c.first - 2].kind == TokenKind::kWord &&
        !tk[c.first - 2].upper_initial &&  // not in a title-case headline
        (kept.empty() || kept.back().last < c.first - 1))
      --c.first;
    // A title that starts before the span and ends inside it, before a given name ("Secretary
    // of [State Antony Blinken]"): a person's name, whatever the tagger's class.
    if (c.type != EntityType::kPerson) {
      for (int b = std::max(0, c.first - 3); b < c.first; ++b) {
        int id = -1;
        const int end = title_at(b, &id);
        if (end > c.first && end < c.last && gaz.given.Contains(feats.exact(end))) {
          c.type = EntityType::kPerson;
          break;
        }
      }
    }
    if (c.type == EntityType::kPerson) {
      // A title that starts before the span and ends inside it ("Secretary of [State Antony
      // Blinken]"): the name starts after it.
      for (int b = std::max(0, c.first - 3); b < c.first; ++b) {
        int id = -1;
        int end = title_at(b, &id);
        if (end > c.first && end < c.last) {
          c.title = TitleId(gaz, id);
          c.first = end;
          break;
        }
      }
      while (c.last - c.first > 1) {
        int id = -1;
        int end = title_at(c.first, &id);
        if (end < 0 || end >= c.last) {
          std::string_view w = doc->TokenText(c.first);
          if (w == "the" || w == "The") {
            ++c.first;
            continue;
          }
          break;
        }
        c.title = TitleId(gaz, id);
        c.first = end;
        while (c.first < c.last && !IsWord(tk[c.first])) ++c.first;
      }
      if (c.first >= c.last) continue;
      SplitPlaceTitle(gaz, tables_->place_titles, *doc, &c, &kept);
    } else {
      // A name followed by a title that the span cuts ("[Senate Minority] Leader Harry Reid"):
      // the name ends before the title.
      for (int t = c.first + 1; t < c.last; ++t) {
        int id = -1;
        if (tk[t].upper_initial && title_at(t, &id) > c.last) {
          c.last = t;
          break;
        }
      }
    }
    // Lookup hashes the whole span and probes two tables; no known name starts with most
    // spans' first word (up to a space, as the gazetteer's first-word filter keys them).
    uint64_t first_word = feats.folded(c.first);
    for (int j = c.first + 1; j < c.last && !tk[j].space_before; ++j)
      first_word = Hash(first_word, doc->LowerTokenText(j));
    c.known = gaz.names.MayStartWith(first_word)
                  ? gaz.names.Lookup(*doc, c.first, c.last, feats.exact(c.first), feats.folded(c.first))
                  : -1;
    const KnownName* k = c.known >= 0 ? &gaz.names.known(c.known) : nullptr;
    const EntityType ktype = k ? gaz.names.type(c.known) : EntityType::kMisc;
    if (k && ktype == EntityType::kNorp) {  // a known group's name, whatever the tagger said
      c.type = ktype;
    } else if (c.type == EntityType::kLoc) {
      if (k && (ktype == EntityType::kGpe || ktype == EntityType::kLoc || ktype == EntityType::kOrg))
        c.type = ktype;
      else c.type = GeographicWord(doc->TokenText(c.last - 1)) ||
                    GeographicWord(doc->TokenText(c.first)) ? EntityType::kLoc : EntityType::kGpe;
    } else if (c.type == EntityType::kMisc) {
      if (k && (ktype == EntityType::kNorp || ktype == EntityType::kEvent)) c.type = ktype;
      else if (EventWord(doc->TokenText(c.last - 1))) c.type = EntityType::kEvent;
      else if (CompassGroup(*doc, gaz.names, c)) c.type = EntityType::kNorp;
      // A name the knowledge base knows only as an organisation is one whatever the tagger's
      // context made of it ("Facebook said" after a title-case headline).
      else if (KnowledgeBase::Get().TypesNamed(doc->SpanText(tk[c.first].start, tk[c.last - 1].end)) ==
               KnowledgeBase::kKbOrg)
        c.type = EntityType::kOrg;
      else continue;  // the schema has no MISC
    }
    // A storm's name, with its word of [storm-word] or alone, that no table knows: an event.
    if (!k && ((c.last - c.first >= 2 && StormWord(doc->TokenText(c.first)) &&
                storm_name(feats.exact(c.first + 1))) ||
               (c.first > 0 && StormWord(doc->TokenText(c.first - 1)) && tk[c.first - 1].upper_initial &&
                storm_name(feats.exact(c.first))) ||
               (c.last - c.first == 1 && storm_name(feats.exact(c.first))))) {
      if (c.first > 0 && StormWord(doc->TokenText(c.first - 1)) && tk[c.first - 1].upper_initial &&
          tk[c.first].space_before && (kept.empty() || kept.back().last < c.first))
        --c.first;  // the storm's word is part of its name: "[Cyclone Phailin]"
      c.type = EntityType::kEvent;
    }
    // One given name alone that the tagger calls an organisation and that no table knows as
    // one, that a pronoun of the name's gender soon follows once in the text ("their child,
    // Gloria. She died"), is a person's name; clubs named after counties are not ("Kent beat
    // Somerset").
    if (c.type == EntityType::kOrg && !k && c.last - c.first == 1 && !tk[c.first].all_caps &&
        std::find(persons_by_pronoun.begin(), persons_by_pronoun.end(), feats.exact(c.first)) !=
            persons_by_pronoun.end() &&
        gaz.given.Contains(feats.exact(c.first)) &&
        !(KnowledgeBase::Get().TypesNamed(doc->TokenText(c.first)) & KnowledgeBase::kKbOrg))
      c.type = EntityType::kPerson;
    // A country the tagger calls an organisation is still the country (the tagger learned
    // ORG from sports teams named after their cities and clubs).
    if (c.type == EntityType::kOrg && k && ktype == EntityType::kGpe && k->country == k->name)
      c.type = EntityType::kGpe;
    if (k && ktype != c.type && !(c.type == EntityType::kOrg && ktype == EntityType::kGpe))
      c.known = -1;
    // An unknown organisation's name that is a nationality and one word the knowledge base
    // knows as an organisation's ("British BBC", "Russian Gazprom"): two mentions, the
    // group's and the organisation's. A longer name keeps its nationality ("Scottish Labour
    // Party" is a party of its own).
    if (c.type == EntityType::kOrg && !k && c.last - c.first == 2 && IsWord(tk[c.first + 1])) {
      const int norp = gaz.names.Lookup(*doc, c.first, c.first + 1);
      if (norp >= 0 && gaz.names.type(norp) == EntityType::kNorp &&
          (KnowledgeBase::Get().TypesNamed(doc->SpanText(tk[c.first + 1].start,
                                                         tk[c.last - 1].end)) &
           KnowledgeBase::kKbOrg)) {
        Candidate group = c;
        group.last = c.first + 1;
        group.type = EntityType::kNorp;
        group.known = norp;
        kept.push_back(group);
        ++c.first;
      }
    }
    kept.push_back(c);
  }
}

void EntityFinder::Link(Document* doc, Scratch* s) const {
  const Gazetteer& gaz = tables_->gaz;
  const auto& tokens = doc->tokens;
  const int n = static_cast<int>(tokens.size());
  // The tokens through a plain pointer: the loops below push to vectors, and through the
  // vector the compiler would read its data pointer again for every token.
  const Token* const tk = tokens.data();
  const NerFeatures& feats = s->feats;
  const NerState& state = s->state;

  // 1. The tagger's spans.
  std::vector<Candidate>& cands = s->cands;
  cands.clear();
  cands.reserve(n / 8 + 16);  // (news: a mention per ten tokens) sized once, not grown
  for (int i = 0; i < n; ++i) {
    if (i + 8 <= n) {  // most tokens are O: eight at a time, to the first that is not
      uint64_t eight;
      std::memcpy(&eight, &state.tags[i], 8);
      if (eight == 0) {
        i += 7;
        continue;
      }
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      i += __builtin_ctzll(eight) / 8;  // to the first tag that is not O (bytes in memory order)
#endif
    }
    int tag = state.tags[i];
    if (tag == 0 || TagInside(tag)) continue;
    int j = i + 1;
    while (j < n && TagInside(state.tags[j]) && TagClass(state.tags[j]) == TagClass(tag)) ++j;
    // Greedy tagging sometimes breaks one long name into touching spans of different
    // classes ("Aung San" PER + "Suu" ORG + "Kyi" PER): rejoin them; the last word, the
    // head of an English name, gives the class. A MISC first part is a modifier
    // ("Russian" + "Foreign Ministry") and stays apart, unless the name ends in a gathering's
    // word: then the whole is an event's name ("Republican" + "National Convention").
    if (!cands.empty() && cands.back().last == i && TagClass(tag) != kMisc &&
        cands.back().type != EntityType::kEvent && tk[i].space_before && !tk[i].newline_before && tk[i].sentence == tk[i - 1].sentence &&
        (cands.back().type != EntityType::kMisc || GatheringWord(doc->TokenText(j - 1)))) {
      cands.back().last = j;
      cands.back().type = cands.back().type == EntityType::kMisc ? EntityType::kEvent
                          : TagClass(tag) == kPer                ? EntityType::kPerson
                          : TagClass(tag) == kOrg                ? EntityType::kOrg
                                                                 : EntityType::kLoc;
      i = j - 1;
      continue;
    }
    Candidate c;
    c.first = i;
    c.last = j;
    c.rule = MentionRule::kModel;
    c.type = TagClass(tag) == kPer   ? EntityType::kPerson
             : TagClass(tag) == kOrg ? EntityType::kOrg
             : TagClass(tag) == kLoc ? EntityType::kLoc
                                     : EntityType::kMisc;
    cands.push_back(c);
    i = j - 1;
  }
  if (LongText(*doc)) s->state = NerState();  // the tags are read

  CleanSpans(doc, s);
  if (LongText(*doc)) std::vector<Candidate>().swap(s->cands);  // read only by CleanSpans
  AddKnownPersons(*doc, s->feats, tables_->gaz.names, &s->kept, &s->merged);
  AddKnownOrgs(*doc, s->feats, &s->kept, &s->merged);
  SplitOrgPerson(*doc, s->feats, tables_->gaz.names, &s->kept, &s->merged);
  JoinOrganisationNames(*doc, &s->kept);
  HeadWordOrganisations(*doc, &s->kept);
  HeadWordPlaces(*doc, &s->kept);
  FollowersGroups(*doc, &s->kept);

  // The user's names, which win over everything else.
  s->lexicon.clear();
  if (!tables_->user.empty()) AddUserNames(*doc, s);
  const bool covered_ready = AddPersonWords(doc, s);
  AddKnownNames(doc, s, covered_ready);
  AddCuratedNames(*doc, &s->kept, &s->covered, &s->extra);
  HeadlineSpansToBodyNames(*doc, s->feats, &s->kept, &s->by_key);
  CompassGroups(*doc, tables_->gaz.names, &s->kept);
  LeaderOfficeNames(*doc, tables_->gaz.names, &s->kept);
  DomainNames(*doc, &s->kept);
  ListTypes(*doc, &s->kept);

  // Titles written right before a name: "Chinese Foreign Minister Wang Yi".
  for (Candidate& c : s->kept) {
    if (c.type != EntityType::kPerson || c.title >= 0) continue;
    for (int b = std::max(0, c.first - 4); b < c.first; ++b) {
      int id = -1;
      if (TitleAt(gaz, *doc, feats, b, &id) == c.first) {
        c.title = TitleId(gaz, id);
        break;
      }
    }
  }

  if (LongText(*doc)) {  // the spans before step 3
    for (auto* v : {&s->cands, &s->merged, &s->extra, &s->lexicon}) std::vector<Candidate>().swap(*v);
    std::vector<uint8_t>().swap(s->covered);
  }
  LinkMentions(doc, s);
}

// Steps 4 and 5 (functions of their own: in one function with steps 1 to 3 the compiler
// stopped inlining the small helpers they call for every mention).
void EntityFinder::LinkMentions(Document* doc, Scratch* s) const {
  // 4. Linking mentions into entities. Entities are built as views (Linked) and become the
  // Result's Entity objects once, at the end: no string is built per mention.
  const size_t m = s->kept.size();
  s->entity_of.assign(m, -1);
  s->linked.clear();
  s->linked.reserve(std::min<size_t>(m, 4096));  // at most one per mention, far fewer in a long text
  size_t persons_count, orgs_count;  // size the maps
  MeasureMentions(*doc, s->kept, &s->text_of, &s->repaired, &persons_count, &orgs_count);
  LinkNames(doc, s, persons_count, orgs_count);
  LinkPersons(doc, s, persons_count);
  PersonsAsTextOrgs(*doc, s->feats, tables_->gaz, s->kept, s->org_words, &s->entity_of, s->linked);
  MergeTypesOfOneName(s->kept, &s->entity_of, &s->linked);
  ApplyKnowledgeBase(*doc, tables_->gaz.names, &s->kept, s->entity_of, &s->linked, &s->countries,
                     &s->evidence);
  LinkHandles(*doc, &s->kept, &s->entity_of, &s->text_of, &s->linked);
  if (LongText(*doc)) {  // only what BuildResult reads (and the views it copies) is kept
    Scratch read;
    read.kept.swap(s->kept);
    read.text_of.swap(s->text_of);
    read.repaired.swap(s->repaired);
    read.entity_of.swap(s->entity_of);
    read.linked.swap(s->linked);
    read.countries.swap(s->countries);
    *s = std::move(read);
  }
  // 5. Mentions in text order; entities numbered by first mention.
  BuildResult(doc, s->kept, s->text_of, s->entity_of, &s->linked);
}

// LinkNames: the organisations by their initials and by their distinctive words.
PRESSLENS_OUT_OF_LINE void EntityFinder::IndexOrgNames(Document* doc, Scratch* s) const {
  const Gazetteer& gaz = tables_->gaz;
  const Token* const tk = doc->tokens.data();
  const NerFeatures& feats = s->feats;
  const std::vector<Candidate>& kept = s->kept;
  const std::vector<MentionText>& text_of = s->text_of;
  FlatMap& by_initials = s->by_initials;
  FlatMap& org_words = s->org_words;
  const size_t m = kept.size();
  for (size_t k = 0; k < m; ++k) {
    const Candidate& c = kept[k];
    if (c.type != EntityType::kOrg || WordCount(tk, c) < 2) continue;
    uint64_t initials = kHashSeed;
    int letters = 0;
    for (int t = c.first; t < c.last; ++t)
      if (tk[t].kind == TokenKind::kWord && tk[t].upper_initial) {
        initials = Hash(initials, doc->TokenText(t).substr(0, 1), true);
        ++letters;
      }
    if (letters >= 2) by_initials.Insert(initials, static_cast<int32_t>(k));
    // Each distinctive word of a longer unknown name, to meet its short form ("Toyota Motor
    // Corp" ... "Toyota", "Manchester United" ... "United"); a word two names share is no
    // one's.
    if (c.known >= 0 || c.user >= 0) continue;
    for (int t = c.first; t < c.last; ++t) {
      if (tk[t].kind != TokenKind::kWord || !tk[t].upper_initial) continue;
      const uint64_t w = feats.folded(t);
      if (gaz.title_words.Contains(w)) continue;
      const int32_t* other = org_words.Find(w);
      if (!other) org_words.Insert(w, static_cast<int32_t>(k));
      else if (*other >= 0 && text_of[*other].folded != text_of[k].folded)
        org_words.Insert(w, -1, true);
    }
  }
}

// Step 4 for the other types than PERSON.
PRESSLENS_OUT_OF_LINE void EntityFinder::LinkNames(Document* doc, Scratch* s,
                                                   size_t persons_count, size_t orgs_count) const {
  const Gazetteer& gaz = tables_->gaz;
  const Token* const tk = doc->tokens.data();
  const std::vector<Candidate>& kept = s->kept;
  const std::vector<MentionText>& text_of = s->text_of;
  std::vector<int>& entity_of = s->entity_of;
  std::vector<Linked>& linked = s->linked;
  const size_t m = kept.size();
  // Hash(kHashSeed, "TYPE\t") per type: a key is that hash continued over the name.
  uint64_t type_key[7];
  for (int t = 0; t < 7; ++t)
    type_key[t] = Hash(Hash(kHashSeed, EntityTypeName(static_cast<EntityType>(t))), "\t");

  // Names are keyed by 64-bit hashes (FlatMap), not strings: no string is built or hashed a
  // second time per mention, which matters most in WebAssembly, where malloc and libc++'s
  // string hashing cost more than natively. Hash(key) stands for the string key: a name's
  // key is NameKey(type_key[its type], its name).

  // Non-person names: one entity per canonical name (known names through the gazetteer, so
  // "U.S." and "United States" meet; others by their folded text, so headlines meet body
  // text); ORG acronyms meet the organisation whose initials they spell.
  FlatMap& by_key = s->by_key;            // Hash(type \t name) -> entity
  FlatMap& by_initials = s->by_initials;  // Hash("nato") -> candidate
  FlatMap& org_words = s->org_words;  // Hash(folded word) -> candidate of its ORG, or -1 when
                                      // two ORGs share it
  // Sized up front: growing from 64 slots rehashed them several times on a long text.
  by_key.Reset(m - persons_count);
  by_initials.Reset(orgs_count / 2);
  org_words.Reset(orgs_count);
  IndexOrgNames(doc, s);
  for (size_t k = 0; k < m; ++k) {
    const Candidate& c = kept[k];
    if (c.type == EntityType::kPerson) continue;
    const KnownName* known = nullptr;
    if (c.user >= 0) known = &tables_->user.known(c.user);
    else if (c.known >= 0) known = &gaz.names.known(c.known);
    const std::string_view folded = text_of[k].folded;
    std::string_view key_name = known ? known->name : folded;  // hashed once, below
    if (!known && c.type == EntityType::kOrg) {
      const uint64_t folded_hash = Hash(kHashSeed, folded);
      if (WordCount(tk, c) == 1 && AllCaps(tk, c)) {
        if (const int32_t* full = by_initials.Find(folded_hash)) key_name = text_of[*full].folded;
      }
      if (c.last - c.first == 1) {
        const int32_t* org = org_words.Find(folded_hash);
        if (org && *org >= 0) key_name = text_of[*org].folded;
      }
    }
    const uint64_t key = NameKey(type_key[static_cast<int>(c.type)], key_name);
    const int32_t* found = by_key.Find(key);
    int e;
    if (found) {
      e = *found;
    } else {
      e = NewEntity(&linked, c.type);
      if (known && !known->name.empty()) NameIs(&linked[e], known->name);
      else NameFrom(&linked[e], text_of, k);
      by_key.Insert(key, e);
      if (known) {
        if (c.type == EntityType::kNorp) {
          linked[e].country = known->country;
          linked[e].regional = !known->region.empty();
        }
        linked[e].refers_to = known->refers_to;
      }
    }
    entity_of[k] = e;
    // Unknown names: the fullest, best-cased spelling is the canonical one.
    if (!known) {
      Linked& ent = linked[e];
      const bool ent_caps = !HasLower(ent.name);
      if ((ent_caps && !AllCaps(tk, c)) || text_of[k].size > ent.name_size) {
        if (!AllCaps(tk, c) || ent_caps) NameFrom(&ent, text_of, k);
      }
    }
  }

}

// Step 4 for persons.
PRESSLENS_OUT_OF_LINE void EntityFinder::LinkPersons(Document* doc, Scratch* s,
                                                     size_t persons_count) const {
  const Token* const tk = doc->tokens.data();
  const NerFeatures& feats = s->feats;
  const std::vector<Candidate>& kept = s->kept;
  const std::vector<MentionText>& text_of = s->text_of;
  std::vector<int>& entity_of = s->entity_of;
  std::vector<Linked>& linked = s->linked;
  const size_t m = kept.size();
  // Persons: a full name ("Vladimir Putin") makes an entity; a shorter mention ("Putin",
  // "Wang", "PUTIN") joins the entity whose name contains its words, preferring the one
  // mentioned last before it. Words are folded hashes, as the tagger's.
  std::vector<PersonEntity>& persons = s->persons;
  persons.clear();
  // At most one person per person mention, far fewer in a long text: grown as they come
  // beyond the first few thousand, not one slot per mention.
  persons.reserve(std::min<size_t>(persons_count, 4096));
  std::vector<uint64_t>& word_pool = s->word_pool;  // every person's words, one after another
  word_pool.clear();
  auto words_of = [&](const Candidate& c, std::vector<uint64_t>* w) {
    w->clear();
    for (int t = c.first; t < c.last; ++t)
      if (tk[t].kind == TokenKind::kWord) w->push_back(feats.folded(t));
  };
  // All of small's words are in big (and small has some).
  auto contains_all = [](const uint64_t* big, size_t big_size, const uint64_t* small,
                         size_t small_size) {
    for (size_t i = 0; i < small_size; ++i)
      if (std::find(big, big + big_size, small[i]) == big + big_size) return false;
    return small_size > 0;
  };
  auto add_person = [&](int entity, const std::vector<uint64_t>& words, int seen) {
    persons.push_back({entity, static_cast<int>(word_pool.size()), static_cast<int>(words.size()),
                       seen});
    word_pool.insert(word_pool.end(), words.begin(), words.end());
    return static_cast<int>(persons.size()) - 1;
  };
  // The persons whose name has a word, in the order they got it: a linked list per word, all
  // in one array (a vector per word would cost an allocation or two per name word).
  std::vector<PersonLink>& links = s->links;
  links.clear();
  links.reserve(std::min<size_t>(2 * persons_count, 8192));  // a link per name word
  std::vector<std::pair<int, int>>& word_lists = s->word_lists;  // first and last link of a
  word_lists.clear();                                             // word's list
  FlatMap& word_list = s->word_list;  // folded word -> index in word_lists
  word_list.Reset(2 * persons_count);  // about two words per name
  auto first_person_link = [&](uint64_t word) {
    const int32_t* l = word_list.Find(word);
    return l ? word_lists[*l].first : -1;
  };
  auto add_person_word = [&](uint64_t word, int person) {
    bool inserted;
    const int32_t l = *word_list.FindOrInsert(word, static_cast<int32_t>(word_lists.size()),
                                              &inserted);
    if (inserted) word_lists.push_back({-1, -1});
    const int link = static_cast<int>(links.size());
    links.push_back({person, -1});
    if (word_lists[l].second >= 0) links[word_lists[l].second].next = link;
    else word_lists[l].first = link;
    word_lists[l].second = link;
  };
  std::vector<int>& user_person = s->user_person;  // user lexicon id -> persons, or -1
  user_person.clear();
  // Full names first, in text order, so that a short mention before the full name still
  // finds it.
  std::vector<int>& order = s->order;
  std::vector<int>& short_names = s->short_names;
  order.clear();
  order.reserve(persons_count);  // the person mentions
  short_names.clear();
  for (size_t k = 0; k < m; ++k)
    if (kept[k].type == EntityType::kPerson)
      (WordCount(tk, kept[k]) >= 2 ? order : short_names).push_back(static_cast<int>(k));
  order.insert(order.end(), short_names.begin(), short_names.end());
  std::vector<uint64_t>& w = s->words;  // the folded words of the mention
  for (int k : order) {
    const Candidate& c = kept[k];
    words_of(c, &w);
    int best = -1, best_dist = 0;
    if (c.user >= 0) {  // the user's name: its canonical form, whatever alias matched
      const std::string_view name = tables_->user.known(c.user).name;
      if (static_cast<size_t>(c.user) >= user_person.size()) user_person.resize(c.user + 1, -1);
      if (user_person[c.user] >= 0) {
        best = user_person[c.user];
      } else {
        std::vector<uint64_t>& nw = s->user_words;
        nw.clear();
        size_t p = 0;
        while (p < name.size()) {
          size_t q = std::min(name.find(' ', p), name.size());
          if (q > p) nw.push_back(Hash(kHashSeed, name.substr(p, q - p), true));
          p = q + 1;
        }
        const int e = NewEntity(&linked, EntityType::kPerson);
        NameIs(&linked[e], name);
        best = add_person(e, nw, c.first);
        user_person[c.user] = best;
        for (uint64_t x : nw) add_person_word(x, best);
      }
    } else if (!w.empty()) {
      for (int l = first_person_link(w.back()); l >= 0; l = links[l].next) {
        const PersonEntity& p = persons[links[l].person];
        const uint64_t* pw = word_pool.data() + p.words;
        if (!contains_all(pw, p.word_count, w.data(), w.size()) &&
            !contains_all(w.data(), w.size(), pw, p.word_count))
          continue;
        int dist = std::abs(c.first - p.last_seen);
        if (best < 0 || dist < best_dist) {
          best = links[l].person;
          best_dist = dist;
        }
      }
      if (best < 0 && w.size() == 1)
        for (int l = first_person_link(w[0]); l >= 0; l = links[l].next) {
          const int p = links[l].person;
          if (best < 0 || std::abs(c.first - persons[p].last_seen) < best_dist) {
            best = p;
            best_dist = std::abs(c.first - persons[p].last_seen);
          }
        }
    }
    if (best < 0) {
      const int e = NewEntity(&linked, EntityType::kPerson);
      if (c.user >= 0) NameIs(&linked[e], tables_->user.known(c.user).name);
      else NameFrom(&linked[e], text_of, k);
      best = add_person(e, w, c.first);
      for (uint64_t x : w) add_person_word(x, best);
    }
    PersonEntity& p = persons[best];
    p.last_seen = c.first;
    Linked& ent = linked[p.entity];
    if (c.user < 0 && w.size() > static_cast<size_t>(p.word_count)) {  // a fuller form becomes
      const uint64_t* pw = word_pool.data() + p.words;                  // the name
      for (uint64_t x : w)
        if (std::find(pw, pw + p.word_count, x) == pw + p.word_count) add_person_word(x, best);
      p.words = static_cast<int>(word_pool.size());
      p.word_count = static_cast<int>(w.size());
      word_pool.insert(word_pool.end(), w.begin(), w.end());
      NameFrom(&ent, text_of, k);
    } else if (c.user < 0 && w.size() == static_cast<size_t>(p.word_count) && !AllCaps(tk, c) &&
               !HasLower(ent.name)) {
      NameFrom(&ent, text_of, k);
    }
    if (ent.title.empty()) ent.title = TitleText(tables_->gaz, c.title);
    entity_of[k] = p.entity;
  }
}

}  // namespace presslens
