#include "speakers.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "chunker.h"
#include "quotes.h"
#include "speech_cues.h"
#include "tokens.h"

namespace presslens {
namespace {

constexpr int kSubjectWindow = 25;  // tokens between a cue and the start of its clause
constexpr int kPreWindow = 60;      // tokens before a quote searched for its cue
constexpr int kPostWindow = 30;     // tokens after a quote searched for its attribution

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}

}  // namespace

// The word lists the rules read: sections of data/en/function-words.txt and
// data/speaker-words.txt (CueLexicon::List).
struct SpeakerLists {
  explicit SpeakerLists(const CueLexicon& lex)
      : subject_pronoun(lex.List("subject-pronoun")),
        group_pronoun(lex.List("group-pronoun")),
        noun_determiner(lex.List("noun-determiner")),
        clause_opener(lex.List("clause-opener")),
        not_subject_verb(lex.List("not-subject-verb")),
        clause_coordinator(lex.List("clause-coordinator")),
        place_preposition(lex.List("place-preposition")),
        role_preposition(lex.List("role-preposition")),
        author_preposition(lex.List("author-preposition")),
        title_small_word(lex.List("title-small-word")),
        document_noun(lex.List("document-noun")),
        statement_noun(lex.List("statement-noun")),
        label_verb(lex.List("label-verb")),
        irregular_said(lex.List("irregular-said")),
        comma_inverted_cue(lex.List("comma-inverted-cue")),
        definite_article(lex.List("definite-article")),
        genitive_preposition(lex.List("genitive-preposition")),
        additive_conjunction(lex.List("additive-conjunction")),
        predicative_as(lex.List("predicative-as")),
        expletive_subject(lex.List("expletive-subject")),
        label_preposition(lex.List("label-preposition")) {}
  const WordHashSet &subject_pronoun, &group_pronoun, &noun_determiner, &clause_opener,
      &not_subject_verb, &clause_coordinator, &place_preposition, &role_preposition,
      &author_preposition, &title_small_word, &document_noun, &statement_noun, &label_verb,
      &irregular_said, &comma_inverted_cue, &definite_article, &genitive_preposition,
      &additive_conjunction, &predicative_as, &expletive_subject, &label_preposition;
};

namespace {

// A map from a string (viewed, not owned) to an int: open addressing over 64-bit hashes with
// the key compared, built per Run without a heap node per key.
class StringIndex {
 public:
  // Empties the map and sizes it for n keys, at most FlatMap::kResetRoom (reusing the slots'
  // memory of an earlier Run); beyond, it grows as keys come.
  void Reserve(size_t n) {
    size_t cap = 16;
    while (cap < 2 * std::min(n, FlatMap::kResetRoom)) cap *= 2;
    Clear(cap);
  }
  // The value of `key` (h = Hash(kHashSeed, key)), inserting `value` when it is new.
  int* Emplace(uint64_t h, std::string_view key, int value) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    Slot* s = Probe(h, key);
    if (s->value < 0) {
      *s = Slot{h, key, value};
      ++size_;
    }
    return &s->value;
  }
  const int* Find(uint64_t h, std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const Slot* s = const_cast<StringIndex*>(this)->Probe(h, key);
    return s->value >= 0 ? &s->value : nullptr;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    std::string_view key;
    int value = -1;  // -1: empty
  };
  Slot* Probe(uint64_t h, std::string_view key) {
    for (size_t i = (h ^ (h >> 29)) & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.value < 0 || (s.hash == h && s.key.size() == key.size() &&
                          SameBytes(s.key.data(), key.data(), key.size())))
        return &s;
    }
  }
  void Clear(size_t cap) {  // cap slots, a power of two
    slots_.assign(cap, Slot());
    mask_ = cap - 1;
    size_ = 0;
  }
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    Clear(old.empty() ? 16 : 2 * old.size());
    for (const Slot& s : old)
      if (s.value >= 0) *Probe(s.hash, s.key) = s, ++size_;
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

struct Who {
  bool ok = false;
  int first = -1, last = -1;  // the mention's tokens [first, last)
  enum Kind { kName, kPronoun, kDescription, kJoint } kind = kName;
  std::string name;
  int entity = -1;
  bool human = false;   // "he"/"she" may refer to it
  bool plural = false;  // "they" may refer to it
  bool org = false;     // "it" may refer to it
};

struct Event {
  int verb = 0, verb_end = 0;  // cue tokens [verb, verb_end)
  const CueInfo* cue = nullptr;
  Who who;               // resolved actor (who.ok false when none)
  bool inverted = false;  // subject after the cue: "said X", "according to X"
  bool had_subject = false;  // a subject was found, even if it is a pronoun left unresolved
};

// The speech events around one quote, as the attribution rules read them.
struct QuoteContext {
  size_t qi = 0;               // index of the quote among the outermost ones
  const QuoteSpan* q = nullptr;
  bool headline = false;       // the quote opens in a headline
  int post = -1;               // event right after the quote in its sentence ("Q," X said)
  int pre_strong = -1;         // nearest event before it in its sentence, not a report verb
  int pre_report = -1;         // nearest report-verb event before it (agree, accuse ...)
  bool pre_unresolved = false; // "what they termed "Q"" with nobody for "they"
};

// What an attribution rule found: the speech event giving speaker and cue, or an earlier
// quote whose speaker and cue are repeated (quote >= 0; event is that quote's event).
struct Attribution {
  int event = -1;
  int quote = -1;
  QuoteRuleId rule;
  explicit operator bool() const { return event >= 0; }
};

// A name run of the text: tokens [first, last), its text RawText(first, last).
struct FullNameRun {
  int first, last;
};

// The per-token arrays and tables of one Run, kept per thread between calls: a short article
// would otherwise allocate (and free) each of them on every call. Work empties what it reads
// before use; SpeakerFinder::Run drops them after a very long text.
}  // namespace

// The pass's buffers, kept by the caller from one Run to the next (speakers.h).
struct SpeakerScratch {
  std::vector<int> cue_tokens, outer, from_event;
  std::vector<const CueInfo*> cues;
  std::vector<EntityType> entity_type;
  std::vector<uint32_t> class_bits;
  std::vector<uint8_t> trim_info;
  std::vector<FullNameRun> full_names;
  StringIndex full_by_last, full_by_first, entity_by_name;
  std::vector<std::string_view> article_name;
  std::string article_text;
  std::vector<std::pair<int, int>> subject_names;
  std::vector<Event> events;
  struct Longest {
    int first = -1, last = -1;
    size_t size = 0;
    bool exact = false;
  };
  std::vector<Longest> longest;
  std::vector<size_t> offset;
};

namespace {

class Work {
 public:
  Work(Document* doc, const SpeechLexicon& lex, const SpeakerLists& lists,
       const ChunkIndex& chunks, const Chunker& chunker, SpeakerScratch* scratch)
      : doc_(*doc),
        lex_(lex),
        lists_(lists),
        chunker_(chunker),
        tokens_(doc->tokens),
        n_(static_cast<int>(tokens_.size())),
        s_(*scratch),
        mention_at_(chunks.mention_at()) {
    SwapScratch();  // the per-token arrays are plain members while the pass runs
    cue_tokens_.clear();
    cues_.clear();
    outer_.clear();
    full_names_.clear();
    subject_names_.clear();
    events_.clear();
    // Sized for the article (a few name keys per hundred tokens); they grow when needed.
    full_by_last_.Reserve(static_cast<size_t>(n_) / 32);
    full_by_first_.Reserve(static_cast<size_t>(n_) / 32);
  }

  ~Work() { SwapScratch(); }
  Work(const Work&) = delete;
  Work& operator=(const Work&) = delete;

  void Run();

 private:
  // Takes the per-token arrays from the scratch (and gives them back): as members, each access
  // is one load less than through a reference.
  void SwapScratch() {
    entity_type_.swap(s_.entity_type);
    class_.swap(s_.class_bits);
    trim_info_.swap(s_.trim_info);
  }
  std::string_view Text(int i) const { return doc_.TokenText(i); }
  // Token i in lower case: a view into the document's lower-case text.
  std::string_view LowerAt(int i) const { return doc_.LowerTokenText(i); }
  // Token i is the one character c ("," "." ")" ...).
  bool Char(int i, char c) const {
    const Token& t = tokens_[i];
    return t.end - t.start == 1 && doc_.text[t.start] == c;
  }
  // Token i is in one of `classes` (WordClass bits of speech_cues.h): found once per token by
  // Index() for its lower-case form and its spelling.
  bool Is(int i, uint32_t classes) const { return (class_[i] & classes) != 0; }
  // Token i's lower-case form is in `list`.
  bool InList(int i, const WordHashSet& list) const {
    return list.Has(doc_.folded_hash[i], LowerAt(i));
  }
  EntityType TypeOfEntity(int entity) const { return entity_type_[entity]; }
  int SentenceOf(int i) const { return tokens_[i].sentence; }
  int SentenceFirst(int i) const {
    int s = tokens_[i].sentence;
    return s >= 0 ? doc_.sentences[s].first : 0;
  }
  int SentenceLast(int i) const {
    int s = tokens_[i].sentence;
    return s >= 0 ? doc_.sentences[s].last : n_;
  }
  bool IsMark(int i) const { return tokens_[i].kind == TokenKind::kQuote; }
  // Inside a quote or one of its marks (an apostrophe mark, as in "bishops'", is not).
  bool InQuote(int i) const { return (class_[i] & kInQuoteBit) != 0; }
  bool Headline(int sentence) const;
  bool IsWord(int i) const { return tokens_[i].kind == TokenKind::kWord; }
  // Capitalised word that can be part of a name (cached per token: the scans ask often).
  bool NameToken(int i) const { return (class_[i] & kNameTokenBit) != 0; }
  // The speech cue a word token is a form of, or nullptr (cached per token).
  const CueInfo* CueAt(int i) const {
    if (!(class_[i] & kCueBit)) return nullptr;
    return cues_[std::lower_bound(cue_tokens_.begin(), cue_tokens_.end(), i) - cue_tokens_.begin()];
  }
  // The outermost quote (index into outer_) token i is in (InQuote(i)): the last one opened
  // before it that reaches it.
  int QuoteAt(int i) const {
    int k = static_cast<int>(std::upper_bound(outer_.begin(), outer_.end(), i, [&](int t, int q) {
              return t < doc_.quote_spans[q].open_token;
            }) - outer_.begin()) - 1;
    while (k > 0 && QuoteEnd(doc_.quote_spans[outer_[k]]) <= i) --k;
    return k;
  }
  static int QuoteEnd(const QuoteSpan& q) { return q.close_token >= 0 ? q.close_token + 1 : q.last; }
  // The full stop of an initial inside a name ("P. Arulanandam", "N.J. Bose").
  bool InitialDot(int i) const {
    return i > 0 && i + 1 < n_ && Char(i, '.') && !tokens_[i].space_before &&
           Text(i - 1).size() == 1 && tokens_[i - 1].upper_initial && NameToken(i + 1);
  }
  const Mention* MentionAt(int i) const {
    int m = mention_at_[i];
    return m >= 0 ? &doc_.mentions[m] : nullptr;
  }

  void Index();
  void IndexEntities();
  void IndexNameRuns();
  void AddVerbsAfterQuotes();
  std::string FullName(const std::string& name) const;
  // The words of [first, last) joined by single spaces where the text has space: names stay
  // clean of line breaks, runs of spaces and bytes that are not part of any token.
  std::string RawText(int first, int last) const {
    std::string out;
    for (int k = first; k < last; ++k) {
      if (k > first && tokens_[k].space_before) out.push_back(' ');
      out.append(Text(k));
    }
    return out;
  }
  // RawText(first, last) == s, without building the text.
  bool RawTextIs(int first, int last, std::string_view s) const {
    size_t pos = 0;
    for (int k = first; k < last; ++k) {
      if (k > first && tokens_[k].space_before) {
        if (pos >= s.size() || s[pos] != ' ') return false;
        ++pos;
      }
      std::string_view t = Text(k);
      if (s.size() - pos < t.size() || !SameBytes(s.data() + pos, t.data(), t.size()))
        return false;
      pos += t.size();
    }
    return pos == s.size();
  }
  // RawText(first, last).size(), without building the text.
  size_t RawTextSize(int first, int last) const {
    size_t n = 0;
    for (int k = first; k < last; ++k) n += Text(k).size() + (k > first && tokens_[k].space_before);
    return n;
  }
  Who NameWho(int first, int last) const;
  // The entity's name as the article gives it: its canonical name when the text uses it, else
  // the longest mention ("U.N. Security Council", not a lexicon's "United Nations Security
  // Council"). Filled for all entities by Index().
  std::string_view ArticleName(int entity) const { return article_name_[entity]; }
  Who DescriptionWho(int first, int name_first, int last) const;
  Who PronounWho(int i) const;
  Who ParseLeft(int e, int floor) const;
  Who ParseRight(int s, int limit) const;
  Who ParticipleSubject(int v, int floor) const;
  Who ClauseSubject(int v, int floor) const;
  void TrimName(int* first, int last) const;
  std::string StripTitles(std::string_view name) const;
  void Resolve(Who* who) const;
  Who ActorAt(int first, int last) const;
  void ResolveDefinite(Who* who);
  void ExportEvents();
  void AdvanceSubjects(int at);
  void Remember(const Who& who);
  void BuildEvents();
  bool AccordingTo(int i, Event* event) const;
  void QuotedAs(int i, int floor, int limit, Event* event) const;
  // group: the verb group before the cue (Chunker::VerbGroupBefore).
  void ActiveSpeaker(int i, int floor, int limit, const VerbGroup& group, Event* event) const;
  void Attribute();
  void CarrySpeakers(size_t count);
  void ContinuedByNext(size_t count);
  void HeadlineRepeatsBody(size_t count);
  QuoteKind FragmentKind(const QuoteSpan& q, int post, int pre_strong, bool headline) const;
  // The first event whose verb is at or after `token`.
  int EventsFrom(int token) const {
    return static_cast<int>(std::lower_bound(events_.begin(), events_.end(), token,
                                             [](const Event& e, int t) { return e.verb < t; }) -
                            events_.begin());
  }
  void Assign(QuoteRecord* out, const Event& ev, QuoteRuleId rule) const;
  QuoteContext ContextOf(size_t qi, size_t count) const;
  QuoteKind KindOf(const QuoteContext& c) const;
  bool FillsSentence(const QuoteContext& c) const;
  Attribution FragmentSpeaker(const QuoteContext& c) const;
  Attribution SpeakerAfter(const QuoteContext& c) const;
  Attribution SpeakerBefore(const QuoteContext& c) const;
  Attribution ContinuesPrevious(const QuoteContext& c, const std::vector<int>& from_event) const;
  Attribution SpeakerPreviousSentence(const QuoteContext& c) const;
  Who DashSpeaker(const QuoteContext& c) const;
  Who LabelSpeaker(const QuoteContext& c) const;
  void SetSpeakerWithoutCue(const Who& who, QuoteRule rule, QuoteRecord* out) const;
  void TranscriptTurns();
  QuoteRuleId RuleFor(const Event& ev, bool post) const;
  bool TitleCase(const QuoteSpan& q) const;

  Document& doc_;
  const SpeechLexicon& lex_;
  const SpeakerLists& lists_;
  const Chunker& chunker_;
  const std::vector<Token>& tokens_;
  const int n_;
  SpeakerScratch& s_;  // the arrays below live there
  const TokenMentions mention_at_;  // token -> mention index, or -1 (the ChunkIndex's)
  std::vector<EntityType> entity_type_;
  // token -> WordClass bits (see Is()), and the bits below, which Index() sets above them.
  std::vector<uint32_t> class_;
  static constexpr uint32_t kNameTokenBit = 1u << 28, kCueBit = 1u << 29, kInQuoteBit = 1u << 30;
  static_assert(uint32_t{kNotVerb} < kNameTokenBit && uint32_t{kSpellings} > kInQuoteBit,
                "the speaker pass's token bits are no WordClass bits");
  // TrimName's questions about a token, answered once: kTrimKnown, kTrimTitle, kTrimModifier.
  mutable std::vector<uint8_t> trim_info_;
  enum : uint8_t { kTrimKnown = 1, kTrimTitle = 2, kTrimParticiple = 4 };
  uint8_t TrimInfo(int k) const;
  std::vector<int>& cue_tokens_ = s_.cue_tokens;  // the tokens with a cue, in text order
  std::vector<const CueInfo*>& cues_ = s_.cues;     // their cues
  std::vector<CueInfo> verbs_after_quotes_;  // the cues AddVerbsAfterQuotes adds
  std::vector<int>& outer_ = s_.outer;  // outermost quote spans (indices into doc->quote_spans)
  // Fullest name by last and by first word: index into full_names_, keyed by views of token
  // text (doc_.text outlives the Run) and hashed by their folded hash (the tokenizer's).
  std::vector<FullNameRun>& full_names_ = s_.full_names;
  StringIndex& full_by_last_ = s_.full_by_last;
  StringIndex& full_by_first_ = s_.full_by_first;
  void Better(StringIndex* map, int key_token, int first, int last);
  // Canonical and article name -> entity; keys view doc_.entities and article_name_,
  // which do not change once Index() has run.
  StringIndex& entity_by_name_ = s_.entity_by_name;
  // see ArticleName(): entity names or views
  std::vector<std::string_view>& article_name_ = s_.article_name;
  std::string& article_text_ = s_.article_text;  // into this, the names built from mentions
  // name runs in subject position, text order
  std::vector<std::pair<int, int>>& subject_names_ = s_.subject_names;
  std::vector<Event>& events_ = s_.events;  // by verb position
  Who last_human_;                          // the newest person speaking, for "the 43-year-old"
  int last_event_verb_ = -1;
  size_t next_subject_ = 0;
  Who last_subject_;
  int last_subject_sentence_ = -1;
};

// A line of its own without final punctuation (a closing mark after the period does not make
// a line a headline: `... region.”`).
bool Work::Headline(int sentence) const {
  if (sentence < 0) return false;
  const Sentence& s = doc_.sentences[sentence];
  if (!s.headline) return false;
  int i = s.last - 1;
  while (i > s.first && (IsMark(i) || Char(i, ')'))) --i;
  std::string_view t = Text(i);
  return !(t == "." || t == "!" || t == "?" || t == "..." || t == "\xE2\x80\xA6");
}

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

uint8_t Work::TrimInfo(int k) const {
  uint8_t& info = trim_info_[k];
  if (info) return info;
  std::string_view w = Text(k);
  // Titles, also hyphenated ("Undersecretary-General"), and participles ("Top-seeded",
  // "Unseeded").
  bool title = Is(k, kTitle);
  size_t hy = std::string_view::npos;  // the first hyphen (find() calls memchr)
  if (HasHyphen(w))
    for (size_t b = 0; b < w.size() && hy == std::string_view::npos; ++b)
      if (w[b] == '-') hy = b;
  for (size_t p = hy; !title && p != std::string_view::npos; p = w.find('-', p + 1))
    title = lex_.IsTitle(w.substr(p + 1)) || lex_.IsTitle(w.substr(0, p));
  bool participle = (hy != std::string_view::npos && hy + 1 < w.size() && w[hy + 1] >= 'a' &&
                     w[hy + 1] <= 'z') ||
                    (w.size() > 6 && w[0] == 'U' && w[1] == 'n' && w[w.size() - 2] == 'e' &&
                     w.back() == 'd');  // "Un...ed", compared in place (== calls memcmp)
  info = static_cast<uint8_t>(kTrimKnown | (title ? kTrimTitle : 0) |
                              (participle ? kTrimParticiple : 0));
  return info;
}

// Drops leading words that cannot start a name and titles ("Foreign Minister Wang Yi").
void Work::TrimName(int* first, int last) const {
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
std::string Work::StripTitles(std::string_view name) const {
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

// The document's entities and per-token classes; name runs of the document: the fullest form
// of each name (by its last and first word), and the runs that stand in subject position (for
// "he" in the same sentence).
PRESSLENS_OUT_OF_LINE void Work::Index() {
  IndexEntities();
  // Each token's word classes and cue: one probe with its folded hash, and one with the hash
  // of its spelling only when that has capitals and some word of an exact-case list has the
  // same lower-case form (kSpellings).
  // One pass fills every per-token array (through plain pointers, so that the compiler keeps
  // them in registers).
  class_.resize(n_);
  trim_info_.resize(n_);
  const uint64_t* folded = doc_.folded_hash.data();
  const char* lower = doc_.lower_text.data();
  const Token* tk = tokens_.data();
  const uint8_t* const marks = mention_at_.marks;
  uint32_t* class_bits = class_.data();
  uint8_t* trim_info = trim_info_.data();
  for (int i = 0; i < n_; ++i) {
    const Token& t = tk[i];
    uint32_t bits = 0;
    const CueInfo* cue = nullptr;
    if (const SpeechLexicon::Entry* e =
            lex_.Find(folded[i], std::string_view(lower + t.start, t.end - t.start))) {
      bits = e->lower & ~kSpellings;
      if (t.kind == TokenKind::kWord && (cue = lex_.cue(*e))) {
        cue_tokens_.push_back(i);
        cues_.push_back(cue);
      }
      if (!t.capitals) {
        bits |= e->exact;
      } else if (e->lower & kSpellings) {
        const std::string_view w = Text(i);
        if (const SpeechLexicon::Entry* x = lex_.Find(Hash(kHashSeed, w), w)) bits |= x->exact;
      }
    }
    trim_info[i] = 0;
    // ComputeNameToken(i), with the class bits at hand.
    bool name = false;
    if (t.kind == TokenKind::kWord && t.upper_initial) {
      const EntityType type = marks[i] >> TokenMentions::kMentionShift
                                  ? doc_.mentions[mention_at_[i]].type
                                  : EntityType::kMisc;
      name = type == EntityType::kPerson || type == EntityType::kOrg || !(bits & kNotName);
    }
    class_bits[i] = bits | (cue ? kCueBit : 0u) | (name ? kNameTokenBit : 0u);
  }
  for (size_t k = 0; k < doc_.quote_spans.size(); ++k) {
    const QuoteSpan& q = doc_.quote_spans[k];
    if (q.nested) continue;
    outer_.push_back(static_cast<int>(k));
    for (int i = q.open_token; i < QuoteEnd(q) && i < n_; ++i) class_bits[i] |= kInQuoteBit;
  }
  AddVerbsAfterQuotes();
  IndexNameRuns();
}

// "Q," Toomey fumed on Tuesday. / "Q?" he wondered aloud. / "Q," exhorted the actress. A quote
// that ends in a comma, question or exclamation mark and is followed, in its sentence or the
// next, by at most a speaker's words (names, pronouns, determiners, role nouns) and then a
// lower-case past form (-ed) the lexicon does not list: that verb is a speech cue, its lemma
// the word as written, when the clause ends after it or goes on with a preposition, a
// determiner, a name or one word and a punctuation mark ("fumed on", "exhorted Clinton's",
// "wondered aloud,"; not "unnamed officials said"), and no listed cue follows in the next words.
PRESSLENS_OUT_OF_LINE void Work::AddVerbsAfterQuotes() {
  verbs_after_quotes_.clear();
  verbs_after_quotes_.reserve(outer_.size());  // at most one per quote: pointers stay valid
  const size_t lexicon_cues = cue_tokens_.size();
  for (int k : outer_) {
    const QuoteSpan& q = doc_.quote_spans[k];
    const int close = q.close_token;
    if (close < 1 || close + 2 >= n_ || !In(Text(close - 1), {",", "?", "!"})) continue;
    int a = close + 1;
    if (Char(a, ',')) ++a;
    for (int i = a; i < n_ && i < a + 6; ++i) {
      const Token& t = tokens_[i];
      if (t.newline_before || InQuote(i) || t.kind == TokenKind::kQuote ||
          t.kind == TokenKind::kPunct || t.kind == TokenKind::kNumber)
        break;
      if (t.kind != TokenKind::kWord || t.upper_initial ||
          Is(i, kDeterminer | kPronoun | kRole | kHuman | kPluralNoun))
        continue;  // a speaker's words, "'s"
      const std::string_view w = Text(i);
      if ((class_[i] & kCueBit) || w.size() < 5 || w.substr(w.size() - 2) != "ed") break;
      bool clause_goes_on = false;  // what follows the verb
      if (i + 1 < n_) {
        const Token& u = tokens_[i + 1];
        clause_goes_on = !(u.kind == TokenKind::kPunct || u.kind == TokenKind::kQuote ||
                           u.upper_initial || Is(i + 1, kPreposition | kDeterminer | kPronoun) ||
                           (i + 2 < n_ && tokens_[i + 2].kind == TokenKind::kPunct));
      }
      if (clause_goes_on) break;
      // A listed cue after it is the attribution ("retired Gen. Lloyd Newton said").
      bool cue_follows = false;
      for (int j = i + 1; j < n_ && j < i + 10 && tokens_[j].sentence == t.sentence; ++j)
        cue_follows = cue_follows || (class_[j] & kCueBit);
      if (cue_follows) break;
      verbs_after_quotes_.push_back({doc_.LowerTokenText(i), CueClass::kSpeech, false});
      cue_tokens_.push_back(i);
      cues_.push_back(&verbs_after_quotes_.back());
      class_[i] |= kCueBit;
      break;
    }
  }
  // Back into text order: each added cue moves down past the lexicon's cues after it (few).
  for (size_t c = lexicon_cues; c < cue_tokens_.size(); ++c)
    for (size_t d = c; d > 0 && cue_tokens_[d - 1] > cue_tokens_[d]; --d) {
      std::swap(cue_tokens_[d - 1], cue_tokens_[d]);
      std::swap(cues_[d - 1], cues_[d]);
    }
}

// The entities by name, each with its name as the article writes it.
PRESSLENS_OUT_OF_LINE void Work::IndexEntities() {
  const auto& entities = doc_.entities;
  entity_by_name_.Reserve(2 * entities.size());
  entity_type_.resize(entities.size());
  for (size_t e = 0; e < entities.size(); ++e) {
    entity_by_name_.Emplace(Hash(kHashSeed, entities[e].name), entities[e].name,
                            static_cast<int>(e));
    entity_type_[e] = EntityTypeOf(entities[e].type);
  }
  // Each entity's canonical name when a mention spells it, else its longest mention (the
  // first of that size): mentions are compared by the size of their text, which is built from
  // tokens (no stray bytes) only once per entity, when it is kept.
  using Longest = SpeakerScratch::Longest;
  std::vector<Longest>& longest = s_.longest;
  longest.assign(entities.size(), Longest());
  for (const Mention& m : doc_.mentions) {
    if (m.entity < 0 || m.entity >= static_cast<int>(entities.size()) || longest[m.entity].exact ||
        m.first >= m.last || m.last > n_)
      continue;
    Longest& l = longest[m.entity];
    if (RawTextIs(m.first, m.last, entities[m.entity].name)) {
      l.exact = true;
    } else {
      const size_t size = RawTextSize(m.first, m.last);
      if (size > l.size) l = {m.first, m.last, size, false};
    }
  }
  article_text_.clear();
  std::vector<size_t>& offset = s_.offset;
  offset.assign(entities.size(), 0);
  for (size_t e = 0; e < entities.size(); ++e) {
    if (longest[e].exact || longest[e].size == 0) continue;
    offset[e] = article_text_.size();
    for (int k = longest[e].first; k < longest[e].last; ++k) {
      if (k > longest[e].first && tokens_[k].space_before) article_text_.push_back(' ');
      article_text_.append(Text(k));
    }
  }
  article_name_.resize(entities.size());
  for (size_t e = 0; e < entities.size(); ++e) {
    article_name_[e] = longest[e].exact || longest[e].size == 0
                           ? std::string_view(entities[e].name)
                           : std::string_view(article_text_).substr(offset[e], longest[e].size);
    entity_by_name_.Emplace(Hash(kHashSeed, article_name_[e]), article_name_[e],
                            static_cast<int>(e));
  }
}

// Runs of name tokens: the fullest forms and the names in subject position (Index).
PRESSLENS_OUT_OF_LINE void Work::IndexNameRuns() {
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
void Work::Better(StringIndex* map, int key_token, int first, int last) {
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
std::string Work::FullName(const std::string& name) const {
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

Who Work::NameWho(int first, int last) const {
  Who w;
  w.ok = true;
  w.kind = Who::kName;
  w.first = first;
  w.last = last;
  const Mention* m = MentionAt(last - 1);
  // A mention that runs past the name (into the cue) is not this name's.
  if (m && m->last > last) m = nullptr;
  // Nor one that reaches back over a possessive ("Agriculture Department's Drazek").
  for (int i = m ? m->first : first; m && i < first; ++i)
    if (!NameToken(i) && !Is(i, kParticle)) m = nullptr;
  if (m && m->entity >= 0 && m->entity < static_cast<int>(doc_.entities.size())) {
    const EntityType type = TypeOfEntity(m->entity);
    if (type == EntityType::kLoc || type == EntityType::kEvent) return Who();  // "heading South wrote"
    w.entity = m->entity;
    if (type == EntityType::kPerson) {
      w.name = FullName(StripTitles(ArticleName(m->entity)));
    } else {
      w.name.assign(ArticleName(m->entity));
    }
    w.first = std::min(first, m->first);
    w.last = std::max(last, m->last);
    w.human = type == EntityType::kPerson;
    w.org = !w.human;
    w.plural = type == EntityType::kNorp;
    return w;
  }
  w.name = FullName(RawText(first, last));
  // The entity pass missed this mention but may know the name ("Lavrov" elsewhere linked).
  if (const int* known = entity_by_name_.Find(Hash(kHashSeed, w.name), w.name)) {
    w.entity = *known;
    const EntityType type = TypeOfEntity(*known);
    if (type == EntityType::kLoc || type == EntityType::kEvent) return Who();
    w.human = type == EntityType::kPerson;
    w.org = !w.human;
    return w;
  }
  w.org = Is(last - 1, kRole) && !Is(last - 1, kHuman);
  w.human = !w.org;
  return w;
}

Who Work::DescriptionWho(int first, int name_first, int last) const {
  // A document speaks for its author when the text names one: "a commentary in the official
  // China Daily", "a statement by the ministry".
  if (InList(last - 1, lists_.document_noun) && last + 1 < n_ &&
      InList(last, lists_.author_preposition)) {
    int k = last + 1;
    while (k < n_ && k < last + 5 && !NameToken(k) && IsWord(k) && !Is(k, kStopWord))
      ++k;
    if (k < n_ && NameToken(k) && SentenceOf(k) == SentenceOf(last - 1)) {
      int j = k;
      while (j < n_ && (NameToken(j) || InitialDot(j))) ++j;
      int nf = k;
      TrimName(&nf, j);
      if (nf < j) {
        Who author = NameWho(nf, j);
        if (author.ok) return author;
      }
    }
  }
  Who w;
  w.ok = true;
  w.kind = Who::kDescription;
  w.first = first;
  w.last = last;
  w.name = RawText(name_first, last);
  // A sentence-initial common word is written lower case in a name ("Sources" -> "sources").
  if (name_first == SentenceFirst(name_first) && !w.name.empty() && Is(name_first, kRole))
    w.name[0] = static_cast<char>(Lower(w.name.substr(0, 1))[0]);
  std::string_view head = LowerAt(last - 1);
  w.plural = (head.size() > 3 && head.back() == 's' && head.compare(head.size() - 2, 2, "ss") &&
              head != "news") ||
             Is(last - 1, kPluralNoun);
  w.human = Is(last - 1, kHuman) && !w.plural;
  w.org = !w.human && !w.plural;
  return w;
}

Who Work::PronounWho(int i) const {
  Who w;
  w.ok = true;
  w.kind = Who::kPronoun;
  w.first = i;
  w.last = i + 1;
  w.name = LowerAt(i);
  return w;
}

// The actor whose phrase ends at token e (inclusive), not reaching below `floor`.
Who Work::ParseLeft(int e, int floor) const {
  Who none;
  while (e >= floor) {
    if (Is(e, kSkippable)) {
      --e;
    } else if (const int time = chunker_.TimeBefore(e, floor, e + 1); time <= e) {
      e = time - 1;  // "Smith on Friday said", "Smith last week said"
    } else {
      break;
    }
  }
  if (e < floor) return none;
  if (Char(e, ',')) {  // appositive: "Sergei Posukhov, Lukashenko's political adviser, told"
    int c = e - 1;
    // A relative clause may hold a quoted title: "Jordan, whose film "The Crying Game" came
    // under fire ..., said"; `floor` keeps the search out of utterances.
    while (c >= floor && c > e - 40 && !Char(c, ',')) --c;
    if (c < floor || c <= e - 40 || !Char(c, ',')) return none;
    // "the group's leader, John Smith, told": a name in the commas is the speaker's name.
    bool all_name = c + 1 < e;
    for (int k = c + 1; k < e; ++k)
      if (!NameToken(k) && !Is(k, kParticle)) all_name = false;
    if (all_name) {
      int first = c + 1;
      TrimName(&first, e);
      if (first < e && c - 1 >= floor && IsWord(c - 1) && !NameToken(c - 1) &&
          Is(c - 1, kRole))
        return NameWho(first, e);
    }
    e = c - 1;
    // "Lauck, from Lincoln, Nebraska, yelled": the name before the comma is inside a phrase
    // ("from Lincoln"); the subject is before the comma that opens it.
    int a = e;
    while (a > floor && NameToken(a) && NameToken(a - 1)) --a;
    if (a > floor && NameToken(e) && Is(a - 1, kPreposition)) {  // e = a may be floor - 1
      int c2 = a - 2;
      while (c2 >= floor && c2 > a - 12 && !Char(c2, ',') && !InQuote(c2)) --c2;
      if (c2 >= floor && Char(c2, ',')) e = c2 - 1;
    }
  }
  if (e >= floor && Char(e, ')')) {  // "Faik Nerweyi of the Kurdistan Democratic Party (KDP)"
    int c = e - 1;
    while (c >= floor && c > e - 12 && !Char(c, '(')) --c;
    if (c < floor || !Char(c, '(')) return none;
    e = c - 1;
  }
  if (e < floor || !IsWord(e)) return none;
  std::string_view head = LowerAt(e);
  if (Is(e, kPronoun)) return PronounWho(e);
  // ""...," another said" after "Traders said": one of the group last quoted, resolved
  // like "they".
  if (InList(e, lists_.group_pronoun) && (e == floor || !Is(e - 1, kDeterminer))) {
    Who w = PronounWho(e);
    w.name = "they";  // Resolve() reads the pronoun from the name
    return w;
  }
  bool age = head.size() >= 8 && head.compare(head.size() - 8, 8, "year-old") == 0;  // "the 43-year-old"
  bool role = (Is(e, kRole) || age) && (!tokens_[e].upper_initial || e == SentenceFirst(e));
  if (!role && NameToken(e)) {
    int a = e;
    while (a - 1 >= floor && !tokens_[a].newline_before &&
           (NameToken(a - 1) || InitialDot(a - 1) ||
            (Is(a - 1, kParticle) && a - 2 >= floor && NameToken(a - 2))))
      --a;
    // "X of (the) Y": the speaker is X ("Faik Nerweyi of the KDP"; "spokesman of the INC").
    // Also "officials in Washington", "the embassy in Moscow": the left part must be a role.
    int p = a - 1;
    if (p >= floor && InList(p, lists_.definite_article)) --p;
    bool of = p - 1 >= floor && InList(p, lists_.genitive_preposition);
    bool place = p - 1 >= floor && InList(p, lists_.place_preposition) &&
                 Is(p - 1, kRole) && !tokens_[p - 1].upper_initial;
    if (of || place) {
      Who left = ParseLeft(p - 1, floor);
      if (left.ok && left.kind == Who::kName) return left;
      if (left.ok && left.kind == Who::kDescription) {
        Who d = left;
        d.name += (tokens_[p].space_before ? " " : "") + RawText(p, e + 1);
        d.last = e + 1;
        return d;
      }
    }
    int first = a;
    TrimName(&first, e + 1);
    if (first > e) {
      // Only a title ("the Foreign Minister said"): a description.
      return DescriptionWho(a, a, e + 1);
    }
    // Joint: "Lavrov and Wang".
    if (a - 2 >= floor && (InList(a - 1, lists_.additive_conjunction) || Char(a - 1, '&')) && NameToken(a - 2)) {
      Who left = ParseLeft(a - 2, floor);
      if (left.ok && (left.kind == Who::kName || left.kind == Who::kJoint)) {
        Who right = NameWho(first, e + 1);
        Who j;
        j.ok = true;
        j.kind = Who::kJoint;
        j.first = left.first;
        j.last = right.last;
        j.name = left.name + " & " + right.name;
        j.plural = true;
        return j;
      }
    }
    return NameWho(first, e + 1);
  }
  if (!role && !tokens_[e].upper_initial && tokens_[e].kind == TokenKind::kWord &&
      !Is(e, kStopWord) && !CueAt(e) && e - floor <= 4 && Is(floor, kDeterminer)) {
    // ""...," one farmer said": right after a quote, "determiner ... noun" is the speaker
    // even when the noun is not in the role list.
    bool plain = true;
    for (int k = floor + 1; k < e; ++k)
      if (!IsWord(k) || Is(k, kStopWord) || CueAt(k)) plain = false;
    if (plain && floor > 0 && (IsMark(floor - 1) || Char(floor - 1, ',')))
      return DescriptionWho(floor, floor + 1, e + 1);
  }
  if (!role) {
    // "traders in the region said": a role noun followed by a place phrase.
    for (int p = e - 1; p - 1 >= floor && p > e - 6; --p) {
      if (!InList(p, lists_.role_preposition)) {
        if (!IsWord(p) || Is(p, kStopWord) || CueAt(p)) break;
        continue;
      }
      if (!Is(p - 1, kRole) || NameToken(p - 1)) break;
      Who left = ParseLeft(p - 1, floor);
      if (left.ok && left.kind == Who::kDescription) {
        left.name += (tokens_[p].space_before ? " " : "") + RawText(p, e + 1);
        left.last = e + 1;
        return left;
      }
      break;
    }
    return none;
  }
  // A description: modifiers back to a determiner ("an Israeli army spokeswoman").
  int d = e;
  int start = e;
  while (d - 1 >= floor && d - 1 > e - 7) {
    int k = d - 1;
    std::string_view w = LowerAt(k);
    if (Is(k, kDeterminer)) {
      start = k;
      break;
    }
    bool word_like = IsWord(k) || tokens_[k].kind == TokenKind::kNumber ||
                     tokens_[k].kind == TokenKind::kClitic ||
                     (Char(k, '-') && !tokens_[k].space_before);
    if (!word_like || Is(k, kStopWord) || CueAt(k) ||
        (w.size() > 3 && w.compare(w.size() - 2, 2, "ly") == 0))
      break;
    d = k;
    start = k;
  }
  Who who = DescriptionWho(start, d, e + 1);
  // "a chorus of women"
  int p = start - 1;
  if (p - 1 >= floor && InList(p, lists_.genitive_preposition) && Is(p - 1, kRole)) {
    Who left = ParseLeft(p - 1, floor);
    if (left.ok && left.kind == Who::kDescription) {
      left.name += (tokens_[p].space_before ? " " : "") + RawText(p, e + 1);
      left.last = e + 1;
      left.human = left.human || who.human;
      left.plural = who.plural;
      return left;
    }
  }
  return who;
}

// The actor starting at token s ("said a Foreign Office spokesman", "according to X").
Who Work::ParseRight(int s, int limit) const {
  Who none;
  if (s >= limit || s >= n_) return none;
  if (Is(s, kPronoun)) return PronounWho(s);
  int e = s;
  while (e < limit && e < s + 10) {
    std::string_view w = LowerAt(e);
    bool word_like = IsWord(e) || tokens_[e].kind == TokenKind::kNumber ||
                     tokens_[e].kind == TokenKind::kClitic ||
                     (Char(e, '-') && !tokens_[e].space_before) ||
                     (Char(e, '.') && e > s && Is(e - 1, kTitle)) ||  // "Mr. Smith"
                     InitialDot(e);
    if (!word_like) break;
    if (InList(e, lists_.genitive_preposition) && e > s && e + 1 < limit &&
        (NameToken(e + 1) || Is(e + 1, kRole) ||
         (InList(e + 1, lists_.definite_article) && e + 2 < limit &&
          (NameToken(e + 2) || Is(e + 2, kRole))))) {
      ++e;
      continue;
    }
    if (Is(e, kDeterminer) && e == s) {
      ++e;
      continue;
    }
    // An -ing word after the head starts a clause ("a chorus of women begging ..."); before
    // it, it is a modifier ("a dealing director").
    bool head_seen = e > s && (NameToken(e - 1) || Is(e - 1, kRole));
    if (Is(e, kStopWord) || (CueAt(e) && head_seen) ||
        (head_seen && !tokens_[e].upper_initial && w.size() > 4 &&
         w.compare(w.size() - 3, 3, "ing") == 0))
      break;
    ++e;
  }
  if (e == s) return none;
  // The last name run not followed by a role noun is the speaker's name.
  int best_a = -1, best_b = -1, last_role = -1;
  for (int i = s; i < e;) {
    if (best_a >= 0 && InList(i, lists_.genitive_preposition)) break;  // "Tom Bellamore of the California group"
    if (NameToken(i) && !(Is(i, kRole) && i == s)) {
      int j = i + 1;
      while (j < e && (NameToken(j) || InitialDot(j) ||
                       (Is(j, kParticle) && j + 1 < e && NameToken(j + 1))))
        ++j;
      // A name before the role noun it modifies ("one Sydney media analyst").
      bool modifier = false;
      for (int k = j; k < e && !NameToken(k); ++k)
        if (Is(k, kRole) && !tokens_[k].upper_initial) modifier = true;
      if (!modifier) {
        best_a = i;
        best_b = j;
      }
      i = j;
      continue;
    }
    if (Is(i, kRole)) last_role = i;
    ++i;
  }
  if (best_a >= 0) {
    int first = best_a;
    TrimName(&first, best_b);
    if (first < best_b) return NameWho(first, best_b);
  }
  // "said one professor.": a determiner and a noun that ends the clause describe a speaker
  // even when the noun is not in the role list.
  if (last_role < 0 && Is(s, kDeterminer) && e > s + 1 && IsWord(e - 1) &&
      !tokens_[e - 1].upper_initial && (e >= n_ || In(Text(e), {".", ",", ";", ":"})))
    last_role = e - 1;
  if (last_role < 0) return none;
  int name_first = Is(s, kDeterminer) ? s + 1 : s;
  while (name_first < last_role && Char(name_first, '-')) ++name_first;
  int last = last_role + 1;
  // Extend over "of the Iraqi National Congress".
  if (last < e && InList(last, lists_.genitive_preposition)) last = e;
  Who who = DescriptionWho(s, name_first, last);
  // "the tourist, Khaled Hijazi, 37": the appositive name.
  if (e < n_ && Char(e, ',') && e + 1 < n_ && NameToken(e + 1) &&
      SentenceOf(e + 1) == SentenceOf(s)) {
    int j = e + 1;
    while (j < n_ && NameToken(j)) ++j;
    if (j >= n_ || Char(j, ',') || Char(j, '.') || SentenceOf(j) != SentenceOf(s)) {
      int first = e + 1;
      TrimName(&first, j);
      if (first < j) return NameWho(first, j);
    }
  }
  return who;
}

// The subject of a participle cue: after a comma ("Jordan defends ..., saying") the clause's
// first subject, else the nearest subject pronoun or name before it ("she responded by ...
// shouting").
PRESSLENS_OUT_OF_LINE Who Work::ParticipleSubject(int v, int floor) const {
  if (v - 1 >= floor && Char(v - 1, ',')) return ClauseSubject(v, floor);
  for (int i = v - 1; i >= floor; --i) {
    if (InQuote(i)) return Who();
    if (InList(i, lists_.subject_pronoun)) return PronounWho(i);
    if (NameToken(i) && i + 1 < n_ && IsWord(i + 1) && !tokens_[i + 1].upper_initial &&
        (i == 0 || !Is(i - 1, kPreposition) || NameToken(i - 1))) {
      Who who = ParseLeft(i, floor);
      if (who.ok) return who;
    }
  }
  return Who();
}

// The first subject (pronoun, or name followed by a lower-case word) in [floor, v).
// The clause may start before `floor` (the subject window of a cue): the search starts at the
// sentence start, at most kPreWindow tokens back, so it stays bounded.
Who Work::ClauseSubject(int v, int floor) const {
  floor = std::min(floor, std::max(SentenceFirst(v), v - kPreWindow));
  for (int i = floor; i < v; ++i) {
    if (InQuote(i)) break;
    if (InList(i, lists_.subject_pronoun)) return PronounWho(i);
    if (!NameToken(i)) continue;
    int j = i;
    while (j + 1 < v && (NameToken(j + 1) || Is(j + 1, kParticle))) ++j;
    // Followed by a verb-like word (maybe after "on Friday"), or by an appositive/relative
    // clause ("Ivanisevic, who"); preceded by the clause start, a determiner or a conjunction
    // (not "retired Tutsi major").
    int k = j + 1;
    k = chunker_.SkipTime(k, v);
    bool verb_next = k < v && IsWord(k) && !tokens_[k].upper_initial &&
                     !Is(k, kPreposition) &&
                     !InList(k, lists_.not_subject_verb);
    bool comma_next = k < v && Char(k, ',');
    bool starts = i == floor || i == SentenceFirst(i) || !IsWord(i - 1) ||
                  InList(i - 1, lists_.clause_opener);
    if ((verb_next || comma_next) && starts) {
      Who who = ParseLeft(j, floor);
      if (who.ok) return who;
    }
    i = j;
  }
  return Who();
}

PRESSLENS_OUT_OF_LINE void Work::Remember(const Who& who) {
  if (who.ok && who.human && !who.plural && who.kind != Who::kJoint) last_human_ = who;
}

// "the spokesman", "the radio": the actor named earlier with that head word ("A London-based
// spokesman of the Iraqi National Congress", "Damascus Radio"). Looks back a few events only.
PRESSLENS_OUT_OF_LINE void Work::ResolveDefinite(Who* who) {
  if (!who->ok || who->kind != Who::kDescription || LowerAt(who->first) != "the") return;
  const std::string_view head = LowerAt(who->last - 1);
  // "the 43-year-old": the person last spoken of.
  if (head.size() >= 8 && head.compare(head.size() - 8, 8, "year-old") == 0) {
    AdvanceSubjects(who->first);
    const Who* ref = last_subject_.ok && last_subject_.human && last_subject_.first > last_event_verb_
                         ? &last_subject_
                     : last_human_.ok ? &last_human_
                                      : nullptr;
    if (ref) {
      int first = who->first, last = who->last;
      *who = *ref;
      who->first = first;
      who->last = last;
      who->kind = Who::kDescription;
    }
    return;
  }
  if (who->last - who->first != 2) return;
  int seen = 0;
  for (auto it = events_.rbegin(); it != events_.rend() && seen < 20; ++it, ++seen) {
    const Who& w = it->who;
    if (!w.ok || w.kind == Who::kPronoun || w.kind == Who::kJoint) continue;
    std::string name = Lower(w.name);
    // The entity's title counts too: "the minister" after "Foreign Minister Wang Yi".
    if (w.entity >= 0 && w.entity < static_cast<int>(doc_.entities.size()))
      name += " " + Lower(doc_.entities[w.entity].title);
    bool match = false;
    for (size_t p = name.find(head); p != std::string::npos; p = name.find(head, p + 1)) {
      bool left = p == 0 || name[p - 1] == ' ' || name[p - 1] == '-';
      bool right = p + head.size() == name.size() || name[p + head.size()] == ' ';
      if (left && right) match = true;
    }
    if (!match || name == head) continue;
    int first = who->first, last = who->last;
    *who = w;
    who->first = first;
    who->last = last;
    who->kind = Who::kDescription;
    return;
  }
}

// Moves the subject-name cursor up to token `at` (text order: linear overall).
// Only the last name passed that makes an actor counts, so the names are tried from the
// newest back (NameWho builds strings).
void Work::AdvanceSubjects(int at) {
  size_t end = next_subject_;
  while (end < subject_names_.size() && subject_names_[end].first < at) ++end;
  for (size_t k = end; k > next_subject_; --k) {
    auto [a, b] = subject_names_[k - 1];
    Who w = NameWho(a, b);
    if (!w.ok) continue;
    last_subject_ = std::move(w);
    last_subject_sentence_ = SentenceOf(a);
    last_subject_.first = a;
    break;
  }
  next_subject_ = end;
}

// Replaces a pronoun by the actor the coreference pass found for it (keeping the pronoun's
// span); clears `who` when it found none.
PRESSLENS_OUT_OF_LINE void Work::Resolve(Who* who) const {
  if (!who->ok || who->kind != Who::kPronoun) return;
  const Reference* ref = doc_.ReferenceAt(who->first);
  Who r = ref && ref->antecedent_first >= 0 ? ActorAt(ref->antecedent_first, ref->antecedent_last)
                                            : Who();
  if (!r.ok) {
    who->ok = false;
    return;
  }
  r.first = who->first;
  r.last = who->last;
  r.kind = Who::kPronoun;
  *who = r;
}

// The actor named or described at tokens [first, last): as its own speech event read it when it
// spoke, else read from its mention.
Who Work::ActorAt(int first, int last) const {
  for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
    const Who& w = it->who;
    if (w.ok && w.kind != Who::kPronoun && w.first <= last - 1 && last - 1 < w.last) return w;
  }
  if (MentionAt(last - 1)) return NameWho(first, last);
  return DescriptionWho(first, InList(first, lists_.noun_determiner) ? first + 1 : first, last);
}

PRESSLENS_OUT_OF_LINE void Work::BuildEvents() {
  events_.reserve(cue_tokens_.size());  // at most one event per cue: not grown by doubling
  for (size_t c = 0; c < cue_tokens_.size(); ++c) {
    const int i = cue_tokens_[c];
    const CueInfo* cue = cues_[c];
    if (InQuote(i)) continue;
    if (tokens_[i].upper_initial && i != SentenceFirst(i)) continue;  // a name: "Said", "Bush"
    Event ev;
    ev.verb = i;
    ev.verb_end = i + 1;
    ev.cue = cue;
    // The subject is not inside or before an utterance; a quoted fragment (a title, a
    // label) may stand inside the subject phrase.
    int floor = std::max(SentenceFirst(i), i - kSubjectWindow);
    for (int k = i - 1; k >= floor; --k)
      if (InQuote(k) && doc_.quote_spans[outer_[QuoteAt(k)]].starts_clause) {
        floor = k + 1;
        break;
      }
    const int limit = std::min(SentenceLast(i), i + 12);
    // A noun, not a verb: "a report", "the call", "his statement", "in response" (a gerund
    // after a preposition is a verb: "by expressing").
    if (i > 0 && cue->cls != CueClass::kAccording &&
        (InList(i - 1, lists_.noun_determiner) ||
         (Is(i - 1, kPreposition) && !(cue->participle && cue->cls != CueClass::kReport))))
      continue;
    if (cue->cls == CueClass::kAccording) {
      if (!AccordingTo(i, &ev)) continue;
    } else if (cue->lemma == "quote" && !cue->participle) {
      QuotedAs(i, floor, limit, &ev);
    } else if (const VerbGroup group = chunker_.VerbGroupBefore(i); group.passive) {
      // Passive: "Smith was quoted as saying" names the speaker; "Reagan was laughed at", "he
      // was told" do not.
      if (cue->lemma == "quote") ev.who = ParseLeft(group.first - 1, floor);
    } else if (cue->participle) {
      ev.who = ParticipleSubject(i, floor);
    } else {
      ActiveSpeaker(i, floor, limit, group, &ev);
    }
    ev.had_subject = ev.who.ok;
    Resolve(&ev.who);
    ResolveDefinite(&ev.who);
    Remember(ev.who);
    last_event_verb_ = i;
    events_.push_back(std::move(ev));
  }
}

// "according to X": the actor follows. False when "according" is not followed by "to".
bool Work::AccordingTo(int i, Event* event) const {
  Event& ev = *event;
  if (i + 1 >= n_ || LowerAt(i + 1) != "to") return false;
  ev.verb_end = i + 2;
  ev.inverted = true;
  ev.who = ParseRight(i + 2, std::min(SentenceLast(i), i + 14));
  return true;
}

// "Interfax quoted Yastrzhembsky as saying": the one quoted speaks; "the newspaper quoted
// Garrett"; else the subject ("he quoted ...").
void Work::QuotedAs(int i, int floor, int limit, Event* event) const {
  Event& ev = *event;
  // Not after "was": "he was quoted as saying" is the passive rule.
  int as = i + 1;
  while (as < limit && as < i + 10 && !InList(as, lists_.predicative_as)) ++as;
  const VerbGroup group = chunker_.VerbGroupBefore(i);
  if (as + 1 < n_ && as < limit && InList(as, lists_.predicative_as) && CueAt(as + 1))
    ev.who = ParseRight(i + 1, as);
  else if (!group.passive)
    ev.who = ParseRight(i + 1, limit);
  if (ev.who.ok) ev.inverted = true;
  if (!ev.who.ok) ev.who = ParseLeft(group.passive ? group.first - 1 : i - 1, floor);
}

// An active verb: "Lavrov said", "Lavrov and Wang said", "... and for the first time said"
// (a coordinated clause's subject), "Prices will rise, said the minister." (inverted).
void Work::ActiveSpeaker(int i, int floor, int limit, const VerbGroup& group,
                         Event* event) const {
  Event& ev = *event;
  const CueInfo* cue = ev.cue;
  const std::string_view w = LowerAt(i);
  const int sentence_first = SentenceFirst(i);
  ev.who = ParseLeft(i - 1, floor);
  // A second verb of a coordinated clause: "The Council condemned ... and for the first
  // time said ...".
  bool past = (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) ||
              InList(i, lists_.irregular_said);
  // "... but did say:", "... and would add", "... and repeatedly says"
  const int aux = std::max(group.first, floor) - 1;
  if (!ev.who.ok && aux >= floor && aux < i - 1 && InList(aux, lists_.clause_coordinator))
    ev.who = ClauseSubject(aux, floor);
  if (!ev.who.ok && past) {
    for (int k = i - 1; k >= floor && k > i - 7; --k)
      if (InList(k, lists_.additive_conjunction)) {
        ev.who = ClauseSubject(k, floor);
        break;
      }
  }
  int p = i - 1;
  if (p >= 0 && Char(p, ',')) --p;
  bool after_quote = p >= 0 && IsMark(p) && InQuote(p);
  // "Prices will rise, said the minister": inverted after a comma too.
  bool after_comma = i > 0 && Char(i - 1, ',');
  if (!ev.who.ok && (after_quote || after_comma || i == sentence_first)) {
    ev.who = ParseRight(i + 1, limit);
    // After a plain comma the phrase must end the clause ("..., said the minister."),
    // not start a reported one ("..., said Collins was ...").
    if (ev.who.ok && !after_quote && i != sentence_first &&
        !lists_.comma_inverted_cue.Has(cue->lemma))
      ev.who = Who();
    if (ev.who.ok && !after_quote && ev.who.last < SentenceLast(i) &&
        !In(Text(ev.who.last), {".", ":", ";", "!", "?"}))
      ev.who = Who();
    ev.inverted = ev.who.ok;
  }
}

QuoteRuleId Work::RuleFor(const Event& ev, bool post) const {
  QuoteRuleId id;
  id.rule = QuoteRule::kEvent;
  id.speaker = ev.who.kind == Who::kPronoun       ? SpeakerForm::kPronoun
               : ev.who.kind == Who::kDescription ? SpeakerForm::kDescription
               : ev.who.kind == Who::kJoint       ? SpeakerForm::kJoint
                                                  : SpeakerForm::kName;
  id.cue = ev.cue->cls == CueClass::kAccording ? SpeechCueForm::kAccordingTo
           : ev.cue->cls == CueClass::kNaming  ? SpeechCueForm::kTermed
           : ev.cue->lemma == "say"            ? SpeechCueForm::kSaid
           : ev.cue->lemma == "tell"           ? SpeechCueForm::kTold
                                               : SpeechCueForm::kOther;
  id.after = post;
  id.inverted = ev.inverted;
  return id;
}

void Work::Assign(QuoteRecord* out, const Event& ev, QuoteRuleId rule) const {
  out->has_speaker = true;
  out->speaker.entity = ev.who.entity;
  out->speaker.name = ev.who.name;
  out->speaker.span = {tokens_[ev.who.first].start, tokens_[ev.who.last - 1].end};
  out->has_cue = true;
  out->cue.lemma = ev.cue->lemma;
  out->cue.span = {tokens_[ev.verb].start, tokens_[ev.verb_end - 1].end};
  out->cue.cameo.clear();
  out->rule = rule;
}

// A title or name: every word capitalised except short function words ("Schindler's List").
bool Work::TitleCase(const QuoteSpan& q) const {
  int words = 0;
  for (int i = q.first; i < q.last; ++i) {
    if (!IsWord(i)) continue;
    if (++words > 7) return false;
    if (tokens_[i].upper_initial) continue;
    std::string_view w = Text(i);
    // "d'Outre": a particle glued to a capitalised word.
    if (w.size() > 2 && w[1] == '\'' && w[2] >= 'A' && w[2] <= 'Z') continue;
    if (!lists_.title_small_word.Has(Hash(kHashSeed, w), w)) return false;
  }
  return words > 0 && tokens_[q.first].kind != TokenKind::kPunct &&
         (q.first >= q.last || tokens_[q.first].upper_initial);
}

// The kind of a quoted fragment (Attribute): direct when it starts like a sentence right after
// a speech verb, scare quotes for titles and names, else partial.
PRESSLENS_OUT_OF_LINE QuoteKind Work::FragmentKind(const QuoteSpan& q, int post, int pre_strong,
                                                   bool headline) const {
  const int o = q.open_token;
  int p = o - 1;
  if (p >= 0 && (Char(p, ',') || Char(p, ':'))) --p;
  const Event* adjacent = nullptr;
  int k = EventsFrom(p);
  if (p >= 0 && k < static_cast<int>(events_.size()) && events_[k].verb_end - 1 == p)
    adjacent = &events_[k];
  bool utter_near = false;
  for (int j = EventsFrom(std::max(0, o - 8)); j < static_cast<int>(events_.size()) &&
                                                 events_[j].verb < o; ++j)
    if (events_[j].cue->cls == CueClass::kUtter) utter_near = true;
  bool upper = q.first < q.last && tokens_[q.first].upper_initial;
  std::string_view last_inner = q.last > q.first ? Text(q.last - 1) : "";
  bool exclaim = last_inner == "!" || last_inner == "?";
  bool title = TitleCase(q);
  // A label: "so-called "X"", "known as "X"", "the "X" campaign" (unless a naming verb
  // states who uses it: "what critics called the "X" campaign").
  bool naming_near = false;
  for (int j = EventsFrom(std::max(0, o - 4)); j < static_cast<int>(events_.size()) &&
                                                events_[j].verb < o; ++j)
    if (events_[j].cue->cls == CueClass::kNaming && events_[j].had_subject) naming_near = true;
  bool label = false;
  if (o > 0 && Is(o - 1, kLabelIntro)) label = true;
  if (o > 1 && InList(o - 1, lists_.predicative_as) && InList(o - 2, lists_.label_verb))
    label = true;
  if (q.close_token >= 0 && q.close_token + 1 < n_ && IsWord(q.close_token + 1) &&
      Is(q.close_token + 1, kLabelNoun) && !naming_near)
    label = true;
  // "Kemp told a crowd in Los Angeles, "Keep your eyes open"", "But, he said, "we ...":
  // a clause after a comma or colon that closes a speech cue's phrase.
  bool clause_like = q.first < q.last && q.first < n_ &&
                     (upper || Is(q.first, kPronoun) || InList(q.first, lists_.expletive_subject));
  bool cue_before_comma = false;
  if (o > 0 && (Char(o - 1, ',') || Char(o - 1, ':')) && pre_strong >= 0 &&
      events_[pre_strong].verb >= o - 15 && events_[pre_strong].cue->cls != CueClass::kNaming)
    cue_before_comma = true;
  if (q.first < q.last && clause_like && !title && cue_before_comma) return QuoteKind::kDirect;
  if (upper && !title && adjacent && adjacent->cue->cls != CueClass::kReport) return QuoteKind::kDirect;
  if (upper && (utter_near || (title && exclaim))) return QuoteKind::kDirect;
  if (label || (title && post < 0) || (headline && post < 0)) return QuoteKind::kScare;
  return QuoteKind::kPartial;
}

// The speech events around quote qi: after it in its sentence ("Q," X said) and before it
// (X said: "Q"; X said that ... "Q"; what X termed "Q").
PRESSLENS_OUT_OF_LINE QuoteContext Work::ContextOf(size_t qi, size_t count) const {
  QuoteContext c;
  c.qi = qi;
  c.q = &doc_.quote_spans[outer_[qi]];
  const QuoteSpan& q = *c.q;
  const int o = q.open_token;
  c.headline = Headline(SentenceOf(o));
  const int next_open = qi + 1 < count ? doc_.quote_spans[outer_[qi + 1]].open_token : n_;
  if (q.close_token >= 0 && q.close_token + 1 < n_) {
    int after = q.close_token + 1;
    int a = after;
    while (a < n_ && (Char(a, ',') || Text(a) == "--") && !tokens_[a].newline_before) ++a;
    // The splitter ends a sentence after `?"` or `."` before a capital: ""...?" Gore asked."
    // still attributes the quote when the attribution is the whole next sentence.
    const bool same = a < n_ && SentenceOf(a) == SentenceOf(q.close_token);
    const bool next_sentence = a < n_ && !same && q.last > q.first &&
                               In(Text(q.last - 1), {"?", "!", ".", "..."});
    if (a < n_ && !tokens_[a].newline_before && (same || next_sentence)) {
      for (int k = EventsFrom(a); k < static_cast<int>(events_.size()); ++k) {
        const Event& ev = events_[k];
        if (ev.verb >= a + kPostWindow || ev.verb >= next_open ||
            SentenceOf(ev.verb) != SentenceOf(a))
          break;
        if (!ev.who.ok) continue;
        bool adjacent_ok =
            (ev.inverted && ev.verb <= a + 1) || (ev.who.first >= a && ev.who.first <= a + 8);
        if (adjacent_ok && !same) {
          // Only "X said." (maybe "on Monday", "in a statement"): not "X said he would ...".
          int end = std::max(ev.verb_end, ev.who.last);
          int k2 = end;
          while (k2 < n_ && k2 < end + 6 && SentenceOf(k2) == SentenceOf(a) &&
                 !In(Text(k2), {".", "!", "?"}) &&
                 (Is(k2, kPreposition) || Is(k2, kDeterminer) ||
                  Is(k2, kWeekday) || Is(k2, kRole) ||
                  InList(k2, lists_.statement_noun)))
            ++k2;
          adjacent_ok = k2 < n_ && In(Text(k2), {".", "!", "?"});
        }
        if (adjacent_ok) c.post = k;
        break;
      }
    }
  }
  int lo = std::max(SentenceFirst(o), o - kPreWindow);
  for (int k = EventsFrom(o) - 1; k >= 0 && events_[k].verb >= lo; --k) {
    const Event& ev = events_[k];
    if (!ev.who.ok) {
      c.pre_unresolved |= ev.had_subject && ev.cue->cls != CueClass::kReport;
      continue;
    }
    if (ev.cue->cls == CueClass::kReport) {
      if (c.pre_report < 0) c.pre_report = k;
    } else if (c.pre_strong < 0) {
      c.pre_strong = k;
    }
  }
  return c;
}

// The quote's kind: a fragment right after a speech verb that starts like a sentence is direct
// ("called "Troops out!"", "he added, "It is ...""); titles and names are scare quotes.
QuoteKind Work::KindOf(const QuoteContext& c) const {
  const QuoteSpan& q = *c.q;
  if (q.starts_clause) {
    // A quoted noun phrase that is the subject of the reporter's sentence (""Chemical
    // products" came next") is a fragment, not an utterance.
    if (c.post >= 0 || q.close_token < 0 || q.close_token + 1 >= n_ || q.last <= q.first)
      return QuoteKind::kDirect;
    std::string_view last_inner = Text(q.last - 1);
    int a = q.close_token + 1;
    bool ends_clause = In(last_inner, {",", ".", "!", "?", "...", ";", ":", "-", "--"}) ||
                       IsMark(q.last - 1);
    if (ends_clause || !IsWord(a) || tokens_[a].upper_initial || tokens_[a].newline_before ||
        SentenceOf(a) != SentenceOf(q.close_token))
      return QuoteKind::kDirect;
    return (TitleCase(q) || c.pre_strong < 0) ? QuoteKind::kScare : QuoteKind::kPartial;
  }
  return FragmentKind(q, c.post, c.pre_strong, c.headline);
}

// The attribution rules, each for one configuration; each returns the attribution it finds
// or none.

// A fragment takes the nearest speaker around it: X called it "a disgrace"; "a disgrace," X said.
Attribution Work::FragmentSpeaker(const QuoteContext& c) const {
  if (c.pre_strong >= 0) return {c.pre_strong, -1, RuleFor(events_[c.pre_strong], false)};
  if (c.pre_report >= 0) return {c.pre_report, -1, RuleFor(events_[c.pre_report], false)};
  if (c.post >= 0) return {c.post, -1, RuleFor(events_[c.post], true)};
  return {};
}

// "Q," Lavrov said. / "Q," said Lavrov. / "Q," according to Lavrov.
Attribution Work::SpeakerAfter(const QuoteContext& c) const {
  if (c.post < 0) return {};
  return {c.post, -1, RuleFor(events_[c.post], true)};
}

// Lavrov said: "Q". / Lavrov said that ... "Q". / Lavrov agreed, "Q".
Attribution Work::SpeakerBefore(const QuoteContext& c) const {
  int pre = c.pre_strong;
  if (pre < 0 && c.pre_report >= 0 && events_[c.pre_report].verb >= c.q->open_token - 3)
    pre = c.pre_report;
  if (pre < 0) return {};
  return {pre, -1, RuleFor(events_[pre], false)};
}

// True when quote c fills the rest of its sentence (no word after it), outside headlines: it
// may continue an earlier speaker.
bool Work::FillsSentence(const QuoteContext& c) const {
  const int s = SentenceOf(c.q->open_token);
  if (s < 0 || c.headline) return false;
  const Sentence& sent = doc_.sentences[s];
  int end = c.q->close_token >= 0 ? c.q->close_token + 1 : c.q->last;
  if (sent.last - end >= 50) return false;  // bounded: a quote in a huge "sentence" does not fill it
  for (int i = end; i < sent.last && i < n_; ++i)
    if (tokens_[i].kind == TokenKind::kWord || tokens_[i].kind == TokenKind::kNumber)
      return false;
  return true;
}

// "A," he said. "B." -> B continues A's speaker (A attributed through a speech cue, in this
// sentence or the one before).
Attribution Work::ContinuesPrevious(const QuoteContext& c,
                                    const std::vector<int>& from_event) const {
  const size_t qi = c.qi;
  if (qi == 0 || !FillsSentence(c) || !doc_.quotes[qi - 1].has_speaker) return {};
  const int prev_event = from_event[qi - 1];
  if (prev_event < 0) return {};
  const CueClass cls = events_[prev_event].cue->cls;
  if (cls != CueClass::kSpeech && cls != CueClass::kNaming && cls != CueClass::kUtter &&
      cls != CueClass::kAccording)
    return {};
  const QuoteSpan& pq = doc_.quote_spans[outer_[qi - 1]];
  int pend = pq.close_token >= 0 ? pq.close_token : std::max(pq.first, pq.last - 1);
  int ps = SentenceOf(std::min(pend, n_ - 1));
  const int s = SentenceOf(c.q->open_token);
  // The previous quote's attribution may follow it in its sentence ("A," he said.).
  if (ps < s - 1 || ps > s) return {};
  return {prev_event, static_cast<int>(qi - 1), {QuoteRule::kContinuation}};
}

// Lavrov spoke on Monday. "Q." -> the last speaker of the sentence before.
Attribution Work::SpeakerPreviousSentence(const QuoteContext& c) const {
  const int s = SentenceOf(c.q->open_token);
  if (s <= 0 || !FillsSentence(c) || Headline(s - 1)) return {};
  const Sentence& before = doc_.sentences[s - 1];
  int best = -1;
  for (int k = EventsFrom(before.first);
       k < static_cast<int>(events_.size()) && events_[k].verb < before.last; ++k)
    if (events_[k].who.ok && events_[k].cue->cls == CueClass::kSpeech) best = k;
  if (best < 0) return {};
  return {best, -1, {QuoteRule::kSpeakerPreviousSentence}};
}

// "Q." — Commissioner Margaret Hale: a dash right after the closing mark (or opening the next
// line), then a name or a description that ends its line or is followed by a comma or a
// preposition ("— Margaret Hale, in a statement", "— a spokesman for the ministry"). No speech
// cue: the dash attributes the quote.
Who Work::DashSpeaker(const QuoteContext& c) const {
  const QuoteSpan& q = *c.q;
  const int d = q.close_token + 1;
  if (q.close_token < 0 || d >= n_) return {};
  if (!chunker_.Dash(d)) return {};
  int e = d + 1;  // the token after the dash
  if (Char(d, '-') && e < n_ && Char(e, '-') && !tokens_[e].space_before) ++e;  // "--"
  int limit = e;
  while (limit < n_ && limit < e + 13 && !tokens_[limit].newline_before) ++limit;
  if (e >= limit || tokens_[e].kind != TokenKind::kWord ||
      !(tokens_[e].upper_initial || Is(e, kDeterminer)))
    return {};
  Who who = ParseRight(e, limit);
  if (!who.ok || who.kind == Who::kPronoun) return {};
  if (who.last < limit && !In(Text(who.last), {",", ".", ";"}) && !Is(who.last, kPreposition))
    return {};
  return who;
}

// Philip Bump: "Q" / From the report: "Q": a name or description right before the colon that
// opens the quote, with no speech verb, standing at the start of its sentence or line, after
// a dash, or after "from": the label attributes the quote. Not in headlines (a headline quote
// takes the speaker of the body quote it repeats).
Who Work::LabelSpeaker(const QuoteContext& c) const {
  const int colon = c.q->open_token - 1;
  if (c.headline || colon < 2 || !Char(colon, ':')) return {};
  // "McCrummen reports:" is a speech verb's (SpeakerBefore); "the report:" a noun.
  if (CueAt(colon - 1) && !(Is(colon - 2, kDeterminer) || InList(colon - 2, lists_.noun_determiner)))
    return {};
  const int first = SentenceFirst(colon);
  Who who = ParseLeft(colon - 1, std::max(first, colon - 12));
  if (!who.ok || who.kind == Who::kPronoun || who.last != colon) return {};
  // The phrase's first word: titles, role nouns and a determiner may stand before the name.
  int start = who.first;
  while (start > first && start > who.first - 4 && IsWord(start - 1) &&
         (NameToken(start - 1) || Is(start - 1, kTitle) || Is(start - 1, kRole) ||
          Is(start - 1, kDeterminer) || InList(start - 1, lists_.noun_determiner)))
    --start;
  // A description needs its determiner ("the report"): a title-case phrase ("Warren Hammers
  // Wells Fargo CEO") is no label.
  if (who.kind == Who::kDescription && !Is(start, kDeterminer) &&
      !InList(start, lists_.noun_determiner))
    return {};
  if (who.kind == Who::kName && who.last - who.first > 4) return {};  // a title, not a name
  const int before = start - 1;
  const bool opens = start == first || tokens_[start].newline_before ||
                     chunker_.Dash(before) || InList(before, lists_.label_preposition);
  return opens ? who : Who();
}

// A quote's speaker named without a speech verb (a dash, a label): no cue.
void Work::SetSpeakerWithoutCue(const Who& who, QuoteRule rule, QuoteRecord* out) const {
  out->has_speaker = true;
  out->speaker.entity = who.entity;
  out->speaker.name = who.name;
  out->speaker.span = {tokens_[who.first].start, tokens_[who.last - 1].end};
  out->has_cue = false;
  out->rule.rule = rule;
}

PRESSLENS_OUT_OF_LINE void Work::Attribute() {
  auto& quotes = doc_.quotes;
  const size_t count = outer_.size();
  quotes.resize(count);
  std::vector<int>& from_event = s_.from_event;  // event index the quote's attribution uses
  from_event.assign(count, -1);
  for (size_t qi = 0; qi < count; ++qi) {
    QuoteRecord& out = quotes[qi];
    out.span = outer_[qi];
    const QuoteContext c = ContextOf(qi, count);
    out.kind = KindOf(c);
    Attribution a;
    if (out.kind == QuoteKind::kScare) {
      out.rule.rule = QuoteRule::kScare;
      continue;
    }
    if (out.kind == QuoteKind::kPartial) {
      a = FragmentSpeaker(c);
      if (!a && c.pre_unresolved) {
        out.rule.rule = QuoteRule::kNoSpeaker;  // a user is stated, but not who it is
        continue;
      }
      if (!a) {
        out.kind = QuoteKind::kScare;  // a fragment nobody is said to have uttered
        out.rule.rule = QuoteRule::kScare;
        continue;
      }
    } else if (!(a = SpeakerAfter(c))) {
      if (const Who dash = DashSpeaker(c); dash.ok) {
        SetSpeakerWithoutCue(dash, QuoteRule::kDashName, &out);
        continue;
      }
      if (!(a = SpeakerBefore(c)) && !(a = ContinuesPrevious(c, from_event))) {
        if (const Who label = LabelSpeaker(c); label.ok) {
          SetSpeakerWithoutCue(label, QuoteRule::kLabel, &out);
          continue;
        }
        a = SpeakerPreviousSentence(c);
      }
    }
    if (!a) continue;
    from_event[qi] = a.event;
    if (a.quote >= 0) {
      const QuoteRecord& prev = quotes[a.quote];
      out.has_speaker = true;
      out.speaker = prev.speaker;
      out.has_cue = prev.has_cue;
      out.cue = prev.cue;
      out.rule = a.rule;
    } else {
      Assign(&out, events_[a.event], a.rule);
    }
  }

  CarrySpeakers(count);
}

// Speakers carried from one quote to another after each found its own (Attribute); a quote
// left without one is QUOTE_NO_SPEAKER (unless scare).
PRESSLENS_OUT_OF_LINE void Work::CarrySpeakers(size_t count) {
  ContinuedByNext(count);
  HeadlineRepeatsBody(count);
  auto& quotes = doc_.quotes;
  for (size_t qi = 0; qi < count; ++qi)
    if (!quotes[qi].has_speaker && quotes[qi].kind != QuoteKind::kScare)
      quotes[qi].rule.rule = QuoteRule::kNoSpeaker;
}

// Newswire paragraphs: "A <newline> "B," he said: an unterminated quote re-opened by the next
// one takes its speaker.
void Work::ContinuedByNext(size_t count) {
  auto& quotes = doc_.quotes;
  for (size_t qi = count; qi-- > 1;) {
    QuoteRecord& next = quotes[qi];
    QuoteRecord& cur = quotes[qi - 1];
    const QuoteSpan& q = doc_.quote_spans[outer_[qi - 1]];
    if (cur.has_speaker || cur.kind != QuoteKind::kDirect || q.close_token >= 0 || !next.has_speaker) continue;
    if (doc_.quote_spans[outer_[qi]].open_token != q.last) continue;
    cur.has_speaker = true;
    cur.speaker = next.speaker;
    cur.has_cue = next.has_cue;
    cur.cue = next.cue;
    cur.rule.rule = QuoteRule::kContinuedByNext;
  }
}

// A headline quote repeats a body quote: it takes that quote's speaker. Bounded work: the
// first few headline quotes, each compared with a limited number of later quotes.
PRESSLENS_OUT_OF_LINE void Work::HeadlineRepeatsBody(size_t count) {
  auto& quotes = doc_.quotes;
  int headline_checked = 0;
  for (size_t qi = 0; qi < count && headline_checked < 5; ++qi) {
    const QuoteSpan& q = doc_.quote_spans[outer_[qi]];
    QuoteRecord& out = quotes[qi];
    int s = SentenceOf(q.open_token);
    // Headlines: lines without final punctuation, and the document's first line.
    if (out.has_speaker || out.kind == QuoteKind::kScare || !(Headline(s) || s == 0)) continue;
    ++headline_checked;
    std::vector<std::string_view> words;
    for (int i = q.first; i < q.last && words.size() < 40; ++i)
      if (IsWord(i)) words.push_back(LowerAt(i));
    if (words.empty()) continue;
    for (size_t k = qi + 1; k < count && k < qi + 200; ++k) {
      if (!quotes[k].has_speaker) continue;
      const QuoteSpan& b = doc_.quote_spans[outer_[k]];
      std::unordered_set<std::string_view> body;
      for (int i = b.first; i < b.last && i < b.first + 2000; ++i)
        if (IsWord(i)) body.insert(LowerAt(i));
      bool all = true;
      for (std::string_view w : words)
        if (!body.count(w)) {
          all = false;
          break;
        }
      if (!all) continue;
      out.has_speaker = true;
      out.speaker = quotes[k].speaker;
      out.has_cue = quotes[k].has_cue;
      out.cue = quotes[k].cue;
      out.rule.rule = QuoteRule::kHeadlineRepeatsBody;
      break;
    }
  }
}

void Work::Run() {
  Index();
  BuildEvents();
  // A participle that opens its sentence ("Noting that ..., Jordan said") takes the subject of
  // the clause that follows it.
  for (size_t k = 0; k + 1 < events_.size(); ++k) {
    Event& ev = events_[k];
    if (ev.who.ok || !ev.cue->participle || ev.verb != SentenceFirst(ev.verb)) continue;
    const Event& next = events_[k + 1];
    if (next.who.ok && !next.inverted && SentenceOf(next.verb) == SentenceOf(ev.verb))
      ev.who = next.who;
  }
  Attribute();
  TranscriptTurns();
  if (doc_.text.size() > kLongText) {
    // A long text frees the name indexes before the document's events are made: ExportEvents
    // reads only the events and the tokens. The per-token classes go after it, so that their
    // block (four bytes a token) stays whole for the condemnation stage's per-token array.
    std::vector<uint8_t>().swap(trim_info_);
    full_by_last_ = StringIndex();
    full_by_first_ = StringIndex();
    entity_by_name_ = StringIndex();
  }
  ExportEvents();
  if (doc_.text.size() > kLongText) std::vector<uint32_t>().swap(class_);
}

// A transcript: "PENCE: Well, look, we are going to rebuild ..." A line that opens with one to
// three words in capitals and a colon, then at least three words, is a turn of the person the
// label names when the text names a person whose name ends with the label's last word ("Mike
// Pence"): a direct quote (no marks) from after the colon to the end of the line, appended
// after the quotes with marks (rule TRANSCRIPT_TURN, no cue). A line whose words after the
// colon open with a quote mark is left to the quote's own rules.
PRESSLENS_OUT_OF_LINE void Work::TranscriptTurns() {
  for (int i = 0; i < n_; ++i) {
    if (!(i == 0 || tokens_[i].newline_before)) continue;
    int k = i;
    while (k < n_ && k < i + 3 && IsWord(k) && tokens_[k].all_caps && tokens_[k].end - tokens_[k].start >= 2 &&
           (k == i || !tokens_[k].newline_before))
      ++k;
    if (k == i || k >= n_ || !Char(k, ':') || tokens_[k].newline_before) continue;
    int end = k + 1, words = 0;
    while (end < n_ && !tokens_[end].newline_before) {
      words += IsWord(end);
      ++end;
    }
    if (words < 3 || tokens_[k + 1].kind == TokenKind::kQuote || InQuote(k + 1)) continue;
    // The person the label names: the one person whose name ends with the label's last word
    // (two people of that surname give no turn).
    const std::string_view last = LowerAt(k - 1);
    int entity = -1;
    bool ambiguous = false;
    for (size_t e = 0; e < doc_.entities.size() && !ambiguous; ++e) {
      const auto& ent = doc_.entities[e];
      if (ent.type != EntityTypeName(EntityType::kPerson)) continue;
      const std::string& name = ent.name;
      const size_t space = name.rfind(' ');
      const std::string_view tail = std::string_view(name).substr(space == std::string::npos ? 0 : space + 1);
      if (!EqualsIgnoreCase(tail, last)) continue;
      ambiguous = entity >= 0;
      entity = static_cast<int>(e);
    }
    if (entity < 0 || ambiguous) continue;
    QuoteRecord& r = doc_.quotes.emplace_back();
    r.span = -1;
    r.start = tokens_[k + 1].start;
    r.end = tokens_[end - 1].end;
    r.kind = QuoteKind::kDirect;
    r.has_speaker = true;
    r.speaker.entity = entity;
    r.speaker.name = doc_.entities[entity].name;
    r.speaker.span = {tokens_[i].start, tokens_[k - 1].end};
    r.rule.rule = QuoteRule::kTranscript;
    i = end - 1;
  }
}

// The events, for the stages after this one (Document::speech_events).
PRESSLENS_OUT_OF_LINE void Work::ExportEvents() {
  doc_.speech_events.resize(events_.size());
  for (size_t k = 0; k < events_.size(); ++k) {
    const Event& ev = events_[k];
    SpeechEvent& out = doc_.speech_events[k];
    out.cue_first = ev.verb;
    out.cue_last = ev.verb_end;
    out.lemma = ev.cue->lemma;
    out.has_speaker = ev.who.ok;
    if (!ev.who.ok) continue;
    out.speaker.entity = ev.who.entity;
    out.speaker.name = ev.who.name;
    out.speaker.span = {tokens_[ev.who.first].start, tokens_[ev.who.last - 1].end};
  }
}

}  // namespace

SpeakerFinder::SpeakerFinder(const ChunkerLexicon& words, const SpeechLexicon& speech)
    : lexicon_(speech), lists_(new SpeakerLists(words.lex)), words_(words) {}
SpeakerFinder::~SpeakerFinder() = default;

std::shared_ptr<SpeakerScratch> SpeakerFinder::NewScratch() {
  return std::make_shared<SpeakerScratch>();
}

void SpeakerFinder::Run(Document* doc, const ChunkIndex& chunks, SpeakerScratch* scratch) const {
  FillLowerCase(doc);  // when the document did not come from Tokenizer::Run
  const Chunker chunker(words_, *doc, chunks);
  Work work(doc, lexicon_, *lists_, chunks, chunker, scratch);
  work.Run();
}

}  // namespace presslens
